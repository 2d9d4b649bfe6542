-- The language a member reads the site and their mail in: 'en' or 'ru', or null for "as the browser asks"
-- (mail then goes out in the language they signed up in, kept in signup_locale).
ALTER TABLE member ADD COLUMN locale text CHECK (locale IN ('en', 'ru'));
ALTER TABLE member ADD COLUMN signup_locale text CHECK (signup_locale IN ('en', 'ru'));
