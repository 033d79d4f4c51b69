"""The shop file's schema, as an ordered list of migrations.

Each migration runs once, in its own transaction, and is recorded in
``schema_version``. Never edit a released migration: add a new one.

Big tables (orders, order_lines, survey_responses) carry no PRIMARY KEY on
purpose: the import pipeline de-duplicates with an anti-join inside its
transaction, and an ART index would roughly double the cost of a 1M-line
import. The shop file is opened by one process at a time (DuckDB's file lock),
so nothing else can slip a duplicate in between.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

        CREATE SEQUENCE import_id_seq START 1;
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            file_name VARCHAR NOT NULL,
            file_path VARCHAR,
            file_size BIGINT,
            sha256 VARCHAR,
            encoding VARCHAR,
            format VARCHAR,
            format_label VARCHAR,
            format_confidence DOUBLE,
            kind VARCHAR,
            source VARCHAR,
            sheet VARCHAR,
            mapping VARCHAR,
            rows_read BIGINT NOT NULL,
            rows_imported BIGINT NOT NULL,
            rows_rejected BIGINT NOT NULL,
            rows_skipped BIGINT NOT NULL,
            skipped_detail VARCHAR,
            started_at TIMESTAMP,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,
            message VARCHAR
        );
        CREATE TABLE import_rejects (
            import_id INTEGER NOT NULL,
            line BIGINT,
            column_name VARCHAR,
            reason VARCHAR NOT NULL,
            original_text VARCHAR
        );

        -- One row per order. Money is exact; ordered_at is shop-local time.
        CREATE TABLE orders (
            source VARCHAR NOT NULL,
            order_id VARCHAR NOT NULL,
            import_id INTEGER NOT NULL,
            ordered_at TIMESTAMP NOT NULL,
            customer_key VARCHAR,
            channel VARCHAR NOT NULL,
            customer_id VARCHAR,
            customer_name VARCHAR,
            email VARCHAR,
            phone VARCHAR,
            total DECIMAL(18, 2),
            shipping DECIMAL(18, 2),
            discount DECIMAL(18, 2),
            refunded DECIMAL(18, 2) NOT NULL,
            revenue DECIMAL(18, 2) NOT NULL,
            status VARCHAR,
            cancelled BOOLEAN NOT NULL,
            is_refund BOOLEAN NOT NULL  -- a refund row of its own (Square): negative revenue, not an order
        );
        CREATE TABLE order_lines (
            source VARCHAR NOT NULL,
            order_id VARCHAR NOT NULL,
            line_no INTEGER NOT NULL,
            import_id INTEGER NOT NULL,
            product VARCHAR,
            sku VARCHAR,
            quantity DECIMAL(18, 3),
            unit_price DECIMAL(18, 2),
            amount DECIMAL(18, 2)
        );

        -- Rows of customer exports (e.g. Shopify customers_export.csv).
        CREATE TABLE customer_records (
            source VARCHAR NOT NULL,
            record_id VARCHAR NOT NULL,
            import_id INTEGER NOT NULL,
            customer_key VARCHAR,
            channel VARCHAR NOT NULL,
            customer_id VARCHAR,
            customer_name VARCHAR,
            email VARCHAR,
            phone VARCHAR,
            gender VARCHAR,
            birth_date DATE,
            total_spent DECIMAL(18, 2),
            total_orders INTEGER
        );

        CREATE TABLE survey_responses (
            source VARCHAR NOT NULL,
            response_id VARCHAR NOT NULL,
            import_id INTEGER NOT NULL,
            answered_at TIMESTAMP,
            customer_key VARCHAR,
            email VARCHAR,
            nps INTEGER,
            fan_level INTEGER,
            liking INTEGER
        );

        -- Derived from the three tables above after every import and undo,
        -- so it can never disagree with them.
        CREATE TABLE customers (
            customer_key VARCHAR PRIMARY KEY,
            customer_name VARCHAR,
            email VARCHAR,
            phone VARCHAR,
            channels VARCHAR,
            gender VARCHAR,
            birth_date DATE
        );

        -- Mappings the owner confirmed for a layout we did not know.
        CREATE TABLE saved_mappings (
            header_key VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,
            mapping VARCHAR NOT NULL,
            saved_at TIMESTAMP NOT NULL
        );

        -- The owner's own words on the journey map and pre-purchase counts.
        CREATE TABLE journey_notes (
            step INTEGER NOT NULL,
            field VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            PRIMARY KEY (step, field)
        );
        CREATE TABLE funnel_counts (
            month DATE NOT NULL,
            stage VARCHAR NOT NULL,
            count BIGINT NOT NULL,
            PRIMARY KEY (month, stage)
        );
        """,
    ),
    (
        2,
        # The derived customers table loses its PRIMARY KEY: the rebuild's GROUP BY already
        # makes keys unique, and the index doubled the cost of the first big import's
        # customers step (100k customers: 0.45 s -> 0.2 s).
        """
        CREATE TABLE customers_v2 AS SELECT * FROM customers;
        DROP TABLE customers;
        ALTER TABLE customers_v2 RENAME TO customers;
        """,
    ),
    (
        3,
        # A new shop takes its time zone and currency from its first import. Shops that already
        # hold imports were read in the defaults of their time: keep those, now stored.
        """
        INSERT INTO settings SELECT 'time_zone', '"Asia/Tokyo"'
        WHERE EXISTS (SELECT 1 FROM imports) AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'time_zone');
        INSERT INTO settings SELECT 'currency', '"JPY"'
        WHERE EXISTS (SELECT 1 FROM imports) AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'currency');
        """,
    ),
    (
        4,
        # A record is known by its source and its id (two tills both numbering 1, 2, 3 are two
        # sources); an export seen again with other content is a newer state of the record, whose
        # earlier state is kept in a *_versions table so that undo restores it exactly; an import
        # that saw a record exactly as the shop had it is remembered in import_seen, so that undoing
        # the import that brought it hands the record over instead of removing it.
        """
        CREATE TABLE sources (
            source VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            channel VARCHAR,
            layout_key VARCHAR,
            created_at TIMESTAMP
        );
        -- Until now a record's source was its platform's channel (every generic file 'generic').
        INSERT INTO sources
        SELECT source, CASE source WHEN 'shopify' THEN 'Shopify' WHEN 'rakuten' THEN '楽天市場' WHEN 'amazon' THEN 'Amazon'
                   WHEN 'yahoo' THEN 'Yahoo!ショッピング' WHEN 'base' THEN 'BASE' WHEN 'makeshop' THEN 'MakeShop'
                   WHEN 'futureshop' THEN 'futureshop' WHEN 'colorme' THEN 'カラーミーショップ'
                   WHEN 'woocommerce' THEN 'WooCommerce' WHEN 'square' THEN 'Square' WHEN 'smaregi' THEN 'スマレジ'
                   WHEN 'airregi' THEN 'Airレジ' WHEN 'survey' THEN 'アンケート' WHEN 'generic' THEN 'その他のファイル'
                   ELSE source END,
               source, NULL, now()::TIMESTAMP
        FROM (SELECT source FROM orders UNION SELECT source FROM customer_records
              UNION SELECT source FROM survey_responses UNION SELECT source FROM imports WHERE source IS NOT NULL);

        ALTER TABLE orders ADD COLUMN updated_at TIMESTAMP;  -- the export's own "last updated", when it has one
        CREATE TABLE order_versions AS SELECT *, NULL::INTEGER AS replaced_by FROM orders WITH NO DATA;
        CREATE TABLE order_line_versions AS SELECT * FROM order_lines WITH NO DATA;
        CREATE TABLE customer_record_versions AS SELECT *, NULL::INTEGER AS replaced_by FROM customer_records WITH NO DATA;
        CREATE TABLE import_seen (
            import_id INTEGER NOT NULL,
            record_kind VARCHAR NOT NULL,  -- order | customer | answer
            source VARCHAR NOT NULL,
            record_id VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL  -- of the record as it was seen (versions.py)
        );
        ALTER TABLE imports ADD COLUMN updated BIGINT DEFAULT 0;

        -- Answers are known by what was answered (staging/answers.py), no longer by their row's bytes.
        UPDATE survey_responses SET response_id = n.id FROM (
            SELECT r, md5(x) || '#' || row_number() OVER (PARTITION BY source, md5(x) ORDER BY r) AS id FROM (
                SELECT rowid AS r, source,
                       concat_ws(chr(31), coalesce(CAST(email AS VARCHAR), ''), coalesce(CAST(answered_at AS VARCHAR), ''),
                                 coalesce(CAST(nps AS VARCHAR), ''), coalesce(CAST(fan_level AS VARCHAR), ''),
                                 coalesce(CAST(liking AS VARCHAR), '')) AS x
                FROM survey_responses)) n
        WHERE survey_responses.rowid = n.r;
        """,
    ),
    (
        5,
        # The measures log (施策): what the owner did, when, for whom and which month-over-month metric
        # it should move (metrics/measures.py). The journey's free-text 施策 cells become entries of it,
        # one per cell, targeting the cell's step: the cell said neither when the measure began nor
        # what it should move, so both stay empty (the app asks for them; no made-up start date).
        """
        CREATE SEQUENCE measure_id_seq START 1;
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY DEFAULT nextval('measure_id_seq'),
            name VARCHAR NOT NULL,
            started_on DATE,
            ended_on DATE,
            target_kind VARCHAR NOT NULL,  -- everyone | step | tier
            target VARCHAR,  -- the step's number or the tier's key
            metric VARCHAR,  -- a month-over-month metric (monthly.METRICS)
            note VARCHAR NOT NULL DEFAULT '',
            created_at TIMESTAMP NOT NULL
        );
        -- The name: the cell's first line that has something on it (trim() leaves newlines and tabs).
        INSERT INTO measures (name, target_kind, target, note, created_at)
        SELECT left(regexp_replace(regexp_extract(text, '\\S[^\\r\\n]*'), '\\s+$', ''), 100), 'step',
               CAST(step AS VARCHAR), regexp_replace(text, '^\\s+|\\s+$', '', 'g'), now()::TIMESTAMP
        FROM journey_notes WHERE field = 'measures' AND regexp_matches(text, '\\S') ORDER BY step;
        DELETE FROM journey_notes WHERE field = 'measures';
        """,
    ),
    (
        6,
        # The voice of the customer (issue 21): every survey column that is none of the three questions
        # (nor the respondent's time, e-mail, id, or a column that names a person: name, phone, address,
        # IP) is kept, one row per answer and column, with the question as the file heads it. It
        # belongs to its answer (source, response_id) and carries the answer's import, so that undo
        # and a later import that saw the same answer treat it like the answer (versions.py).
        # free_text: the column holds the respondents' own words (staging/comments.py decides it from
        # the column's values), not one of a few choices.
        # An answer says how it reaches a customer: matched_by is what the file gave (email, customer_id);
        # matched_column the kept column the owner matched it by afterwards (metrics/answer_matching.py), and
        # file_customer_key the key the file gave, brought back when that match is undone.
        """
        CREATE TABLE survey_comments (
            source VARCHAR NOT NULL,
            response_id VARCHAR NOT NULL,
            import_id INTEGER NOT NULL,
            column_no INTEGER NOT NULL,  -- the column's place in its file (the questions' order)
            question VARCHAR NOT NULL,
            answer VARCHAR NOT NULL,
            free_text BOOLEAN NOT NULL
        );
        ALTER TABLE survey_responses ADD COLUMN matched_by VARCHAR;
        ALTER TABLE survey_responses ADD COLUMN matched_column VARCHAR;
        ALTER TABLE survey_responses ADD COLUMN file_customer_key VARCHAR;
        UPDATE survey_responses SET matched_by = CASE WHEN email IS NOT NULL AND customer_key = 'e:' || email THEN 'email'
                                                      WHEN customer_key IS NOT NULL THEN 'customer_id' END;
        """,
    ),
    (
        7,
        # An undo is dated apart: it wrote its time over the import's own (the history read out of order).
        # Imports undone before this version lost their import time; it stays their undo time.
        # decided: the shop settings a shop's first import decided (a JSON list of time_zone, currency),
        # which undoing it gives back to the next import (a shop whose first file was the wrong one was stuck
        # in its currency).
        """
        ALTER TABLE imports ADD COLUMN undone_at TIMESTAMP;
        ALTER TABLE imports ADD COLUMN decided VARCHAR;
        UPDATE imports SET undone_at = finished_at WHERE status = 'undone';
        """,
    ),
]

LATEST_VERSION = MIGRATIONS[-1][0]

# Tables whose rows carry an import_id: what undo removes (importing/versions.py hands over and
# restores the records first).
IMPORTED_TABLES = ("orders", "order_lines", "customer_records", "survey_responses", "survey_comments", "import_rejects",
                   "import_seen", "order_versions", "order_line_versions", "customer_record_versions")
