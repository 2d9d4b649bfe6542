-- The daily upload budget sums what a member uploaded in the last 24 hours.
CREATE INDEX uploaded_image_by_member ON uploaded_image (uploaded_by, created_at);
