-- Winnow's records in DuckDB with fixed column types (record schema_version 3).
--
-- Without them DuckDB infers each file's types from its values: a key that is null in every record of a
-- run (added in a run without web archives, extraction in a plain-text run) becomes JSON in one run and
-- VARCHAR or TIMESTAMP in another, and the two runs no longer union. With this file every run loads with
-- the same columns:
--
--   .read schema/duckdb/winnow.sql
--   SELECT id, metadata.page_type, len(text) FROM winnow_articles('out/articles.jsonl');
--   SELECT * FROM winnow_rejected('out/rejected.jsonl');
--
-- The path may be a glob ('runs/*/articles.jsonl.gz'); .gz and .zst are read as such.

CREATE OR REPLACE MACRO winnow_articles(path) AS TABLE
SELECT * FROM read_json(path, format = 'newline_delimited', columns = {
    id: 'VARCHAR',
    text: 'VARCHAR',
    source: 'VARCHAR',
    added: 'TIMESTAMP',
    created: 'DATE',
    metadata: 'STRUCT(
        schema_version INTEGER,
        title VARCHAR, authors VARCHAR[], publisher VARCHAR, url VARCHAR,
        language VARCHAR, language_score DOUBLE, page_type VARCHAR,
        quotes VARCHAR[], sections VARCHAR[],
        extraction STRUCT(method VARCHAR, reason VARCHAR),
        near_duplicates STRUCT(cluster VARCHAR, representative BOOLEAN, size BIGINT),
        removed STRUCT(stage VARCHAR, reason VARCHAR, text VARCHAR, "start" BIGINT, "end" BIGINT, score DOUBLE)[],
        counts STRUCT(input_chars BIGINT, text_chars BIGINT, blocks_kept BIGINT, removals BIGINT, words BIGINT),
        input STRUCT(path VARCHAR, size BIGINT, media_type VARCHAR, charset VARCHAR, sha256 VARCHAR, layout VARCHAR,
                     url VARCHAR, fetched VARCHAR, record_id VARCHAR, truncated VARCHAR),
        pipeline STRUCT(name VARCHAR, version VARCHAR, profile VARCHAR, models VARCHAR[]))'
});

CREATE OR REPLACE MACRO winnow_rejected(path) AS TABLE
SELECT * FROM read_json(path, format = 'newline_delimited', columns = {
    id: 'VARCHAR', path: 'VARCHAR', reason: 'VARCHAR', message: 'VARCHAR'
});
