package org.qasite.question;

/**
 * The best answer at a glance: on the first page of a question, the accepted answer or, when none is accepted, the
 * top-voted one with a positive score, shown above the list when the page does not show it already. The list keeps
 * its order (and its live insertion); the pinned copy is read-only, so the page holds one set of forms and ids.
 */
final class PinnedAnswer {

    private PinnedAnswer() {
    }

    /** The answer to pin on this page, or null. */
    static Answer of(QuestionPage page) {
        if (page.pager() == null || page.pager().page() != 1) {
            return null;
        }
        Question question = page.question();
        Answer best = question.acceptedAnswerId != null
                ? Answer.<Answer> find("select a from Answer a join fetch a.author where a.id = ?1 and a.deletedAt is null",
                        question.acceptedAnswerId).firstResult()
                : Answer.<Answer> find("select a from Answer a join fetch a.author where a.question = ?1"
                        + " and a.deletedAt is null and a.rating > 0 order by a.rating desc, a.createdAt, a.id", question)
                        .firstResult();
        if (best == null || page.answers().stream().anyMatch(a -> a.id.equals(best.id))) {
            return null;
        }
        return best;
    }
}
