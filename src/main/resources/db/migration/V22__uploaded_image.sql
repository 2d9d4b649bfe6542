-- Pictures uploaded for posts (POST /api/v1/uploads), one row per distinct content, served at /uploads/{hash}.{ext}.
CREATE TABLE uploaded_image (
    hash         varchar(64) PRIMARY KEY,          -- SHA-256 of the content, hex
    content_type varchar(32) NOT NULL,
    size         integer     NOT NULL,
    width        integer     NOT NULL,
    height       integer     NOT NULL,
    data         bytea       NOT NULL,
    uploaded_by  bigint      REFERENCES member (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
