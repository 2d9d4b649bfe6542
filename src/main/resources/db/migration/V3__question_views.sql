-- How often a question was viewed. Views are counted in memory on each instance and added here in batches
-- (org.qasite.views.ViewCounter), so a page view costs no database write.
ALTER TABLE question ADD COLUMN view_count bigint NOT NULL DEFAULT 0;
