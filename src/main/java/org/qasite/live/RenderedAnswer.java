package org.qasite.live;

import java.util.Map;

/** An answer's fragment as each kind of reader sees it (see {@link LiveMessage.Answer}), and its question's count. */
record RenderedAnswer(long answerId, long questionId, long questionAuthorId, long answerAuthorId, long answerCount,
        Map<Long, String> htmlByReader) {

    /** The reader who is neither the question's nor the answer's author, or a visitor. */
    static final long OTHERS = -1;

    String html(long reader) {
        return htmlByReader.getOrDefault(reader, htmlByReader.get(OTHERS));
    }
}
