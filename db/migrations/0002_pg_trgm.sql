-- Trigram indexes make "contains" searches over names fast (projects, enterprises, contacts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
