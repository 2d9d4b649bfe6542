-- Posts stored before Markdown had a budget keep the HTML they were rendered to, and a few may be far over it (a
-- 1.8 KB answer holding a 300×300 table made 820 KB). Their HTML is replaced by a notice; their Markdown stays, so an
-- edit renders them again within the budget. The budget is qa.markdown's default: 10 characters of HTML per character
-- of text, 32,768 at least (markdown/MarkdownConfig).
UPDATE question SET body_html = '<p><em>This question is too large to show as it was written.</em></p>'
WHERE length(body_html) > greatest(32768, 10 * length(body));

UPDATE answer SET body_html = '<p><em>This answer is too large to show as it was written.</em></p>'
WHERE length(body_html) > greatest(32768, 10 * length(body));
