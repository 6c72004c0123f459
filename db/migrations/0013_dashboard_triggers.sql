-- The dashboard's summary tables (0012) kept right by PostgreSQL on every write.
--
-- dash_facts / dash_signed: one row per project (per signed project), worked out again from the
-- project's own rows (the views below) whenever one of them changes; archived projects have none.
-- dash_cube, dash_cube_source, dash_pipeline, dash_funnel: sums that move by each facts row's
-- difference (old out, new in), and by each activity, task and stage event. `dash_rebuild()`
-- recomputes everything; a bulk load sets crm.dash_bulk = 'on' for its transaction (the triggers
-- then stand aside) and calls it at the end.

-- ── Day and month sums in separate partitions ───────────────────────────────────
-- A period reads whole months from the month partition (a few thousand rows a month) and its
-- edge days from the day partition; mixed in one table the month rows would lie scattered
-- among a million day rows. (The columns and keys are 0012's; only the storage changes.)

CREATE FUNCTION dash_partition(name text, parts text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  key text;
  p text;
BEGIN
  SELECT pg_get_constraintdef(c.oid) INTO key FROM pg_constraint c WHERE c.conname = name || '_key';
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS) PARTITION BY LIST (g)', name || '_p', name);
  EXECUTE format('DROP TABLE %I', name);
  EXECUTE format('ALTER TABLE %I RENAME TO %I', name || '_p', name);
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', name, name || '_key', key);
  FOREACH p IN ARRAY string_to_array(parts, ';') LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%s)', name || '_' || split_part(p, ':', 1), name, split_part(p, ':', 2));
  END LOOP;
END $$;
--> statement-breakpoint
SELECT dash_partition('dash_cube', $$d:'d';m:'m'$$);
--> statement-breakpoint
SELECT dash_partition('dash_cube_source', $$d:'d';m:'m'$$);
--> statement-breakpoint
SELECT dash_partition('dash_funnel', $$d:'d';m:'m','a'$$);
--> statement-breakpoint
DROP FUNCTION dash_partition(text, text);
--> statement-breakpoint
-- ── What a project contributes, from its own rows ─────────────────────────────────

CREATE VIEW dash_facts_v AS
SELECT p.id AS project_id, p.unit_id, p.owner_id, p.industry_chain_id AS chain_id, p.park_id, p.source,
       p.stage, p.status, p.total_investment,
       (p.created_at AT TIME ZONE 'Asia/Shanghai')::date AS created_on,
       (coalesce(p.last_activity_at, p.created_at) AT TIME ZONE 'Asia/Shanghai')::date AS last_touch_on,
       r.r0, r.r1, r.r2, r.r3, r.r4, r.r5, r.r6, r.r7, r.r8
  FROM projects p
 CROSS JOIN LATERAL (
   SELECT min(e.day) FILTER (WHERE e.to_stage >= 'lead') AS r0,
          min(e.day) FILTER (WHERE e.to_stage >= 'negotiating') AS r1,
          min(e.day) FILTER (WHERE e.to_stage >= 'intent') AS r2,
          min(e.day) FILTER (WHERE e.to_stage >= 'signed') AS r3,
          min(e.day) FILTER (WHERE e.to_stage >= 'registered') AS r4,
          min(e.day) FILTER (WHERE e.to_stage >= 'land_secured') AS r5,
          min(e.day) FILTER (WHERE e.to_stage >= 'construction') AS r6,
          min(e.day) FILTER (WHERE e.to_stage >= 'completed') AS r7,
          min(e.day) FILTER (WHERE e.to_stage >= 'operating') AS r8
     FROM (SELECT (se.at AT TIME ZONE 'Asia/Shanghai')::date AS day, se.to_stage FROM stage_events se WHERE se.project_id = p.id) e
 ) r
 WHERE p.archived_at IS NULL;
--> statement-breakpoint

CREATE VIEW dash_signed_v AS
SELECT p.id AS project_id, p.unit_id, p.owner_id, p.industry_chain_id AS chain_id, p.park_id, p.source,
       s.signing_date AS signed_on, s.contract_investment AS contract, p.total_investment,
       coalesce(e.tags && ARRAY['世界500强', '中国500强', '民营500强']::text[], false) AS top500,
       coalesce(e.ownership_type = 'central_soe' OR '央企' = ANY (e.tags), false) AS central_soe,
       coalesce('上市公司' = ANY (e.tags), false) AS listed,
       m.reg_on, m.reg_pending_on, m.start_on, m.start_pending_on, m.op_on, m.op_pending_on, m.kept_break, m.kept_pending_break,
       f.funds_total, f.funds_first_on, f.funds_last_on
  FROM projects p
  JOIN signings s ON s.project_id = p.id
  JOIN enterprises e ON e.id = p.enterprise_id
 CROSS JOIN LATERAL (
   SELECT min(actual_date) FILTER (WHERE review_status = 'approved' AND stage >= 'registered') AS reg_on,
          min(actual_date) FILTER (WHERE review_status = 'pending' AND stage >= 'registered') AS reg_pending_on,
          min(actual_date) FILTER (WHERE review_status = 'approved' AND stage >= 'construction') AS start_on,
          min(actual_date) FILTER (WHERE review_status = 'pending' AND stage >= 'construction') AS start_pending_on,
          min(actual_date) FILTER (WHERE review_status = 'approved' AND stage >= 'operating') AS op_on,
          min(actual_date) FILTER (WHERE review_status = 'pending' AND stage >= 'operating') AS op_pending_on,
          min(planned_date) FILTER (WHERE planned_date IS NOT NULL
                                      AND NOT coalesce(review_status = 'approved' AND actual_date <= planned_date, false)) AS kept_break,
          min(planned_date) FILTER (WHERE planned_date IS NOT NULL
                                      AND NOT coalesce(review_status IN ('approved', 'pending') AND actual_date <= planned_date, false)) AS kept_pending_break
     FROM milestones WHERE project_id = p.id
 ) m
 CROSS JOIN LATERAL (
   SELECT coalesce(sum(amount), 0)::numeric(20, 2) AS funds_total, min(received_on) AS funds_first_on, max(received_on) AS funds_last_on
     FROM funds_in_place WHERE project_id = p.id
 ) f
 WHERE p.archived_at IS NULL AND p.stage >= 'signed';
--> statement-breakpoint

CREATE FUNCTION dash_month(d date) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', d)::date $$;
--> statement-breakpoint

-- ── The sums a row adds (sign +1) or takes away (-1) ─────────────────────────────
-- Each upsert sorts its rows by key, so writers touching the same sums lock them in one order.

CREATE FUNCTION dash_add_facts(f dash_facts, sgn int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_cube AS c (g, d, unit_id, owner_id, chain_id, park_id, leads, reached1, reached2, reached3, reached4, reached5, reached6, reached7, reached8, idle)
  SELECT v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id, sum(v.lead), sum(v.lead * (f.r1 IS NOT NULL)::int), sum(v.lead * (f.r2 IS NOT NULL)::int),
         sum(v.lead * (f.r3 IS NOT NULL)::int), sum(v.lead * (f.r4 IS NOT NULL)::int), sum(v.lead * (f.r5 IS NOT NULL)::int),
         sum(v.lead * (f.r6 IS NOT NULL)::int), sum(v.lead * (f.r7 IS NOT NULL)::int), sum(v.lead * (f.r8 IS NOT NULL)::int), sum(v.idle)
    FROM (VALUES ('d', f.created_on, sgn, 0), ('m', dash_month(f.created_on), sgn, 0),
                 ('d', f.last_touch_on, 0, sgn), ('m', dash_month(f.last_touch_on), 0, sgn)) v(g, d, lead, idle)
   WHERE v.lead <> 0 OR (f.status = 'active' AND f.stage <> 'operating')
   GROUP BY v.g, v.d
   ORDER BY v.g, v.d
  ON CONFLICT ON CONSTRAINT dash_cube_key DO UPDATE SET
    leads = c.leads + excluded.leads, reached1 = c.reached1 + excluded.reached1, reached2 = c.reached2 + excluded.reached2,
    reached3 = c.reached3 + excluded.reached3, reached4 = c.reached4 + excluded.reached4, reached5 = c.reached5 + excluded.reached5,
    reached6 = c.reached6 + excluded.reached6, reached7 = c.reached7 + excluded.reached7, reached8 = c.reached8 + excluded.reached8,
    idle = c.idle + excluded.idle;
  INSERT INTO dash_pipeline AS x (unit_id, owner_id, chain_id, park_id, stage, n, total)
  SELECT f.unit_id, f.owner_id, f.chain_id, f.park_id, f.stage, sgn, sgn * f.total_investment WHERE f.status = 'active'
  ON CONFLICT ON CONSTRAINT dash_pipeline_key DO UPDATE SET n = x.n + excluded.n, total = x.total + excluded.total;
$$;
--> statement-breakpoint

CREATE FUNCTION dash_add_signed(s dash_signed, sgn int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_cube AS c (g, d, unit_id, owner_id, chain_id, park_id, signed, contract, big, big_contract, top500, central_soe, listed, starts, operating)
  SELECT v.g, v.d, s.unit_id, s.owner_id, s.chain_id, s.park_id,
         sum(v.signed), sum(v.signed * s.contract), sum(v.big), sum(v.big * s.contract),
         sum(v.big * s.top500::int), sum(v.big * s.central_soe::int), sum(v.big * s.listed::int), sum(v.starts), sum(v.operating)
    FROM (SELECT g, d, signed, signed * (s.total_investment >= 100000000)::int AS big, starts, operating
            FROM (VALUES ('d', s.signed_on, sgn, 0, 0), ('m', dash_month(s.signed_on), sgn, 0, 0),
                         ('d', s.start_on, 0, sgn, 0), ('m', dash_month(s.start_on), 0, sgn, 0),
                         ('d', s.op_on, 0, 0, sgn), ('m', dash_month(s.op_on), 0, 0, sgn)) t(g, d, signed, starts, operating)
           WHERE d IS NOT NULL) v
   GROUP BY v.g, v.d
   ORDER BY v.g, v.d
  ON CONFLICT ON CONSTRAINT dash_cube_key DO UPDATE SET
    signed = c.signed + excluded.signed, contract = c.contract + excluded.contract, big = c.big + excluded.big,
    big_contract = c.big_contract + excluded.big_contract, top500 = c.top500 + excluded.top500,
    central_soe = c.central_soe + excluded.central_soe, listed = c.listed + excluded.listed,
    starts = c.starts + excluded.starts, operating = c.operating + excluded.operating;
  INSERT INTO dash_cube_source AS c (g, d, unit_id, owner_id, chain_id, park_id, source, signed, contract)
  SELECT v.g, v.d, s.unit_id, s.owner_id, s.chain_id, s.park_id, s.source, sgn, sgn * s.contract
    FROM (VALUES ('d', s.signed_on), ('m', dash_month(s.signed_on))) v(g, d)
   ORDER BY v.g, v.d
  ON CONFLICT ON CONSTRAINT dash_cube_source_key DO UPDATE SET signed = c.signed + excluded.signed, contract = c.contract + excluded.contract;
$$;
--> statement-breakpoint

-- A project's activities (走访, 来访, 推介会) and open tasks (by due date) under a facts row's dimensions.
CREATE FUNCTION dash_add_children(f dash_facts, sgn int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_cube AS c (g, d, unit_id, owner_id, chain_id, park_id, visits, receptions, promotions, open_tasks)
  SELECT v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id,
         sgn * sum((x.kind = 'visit')::int), sgn * sum((x.kind = 'reception')::int), sgn * sum((x.kind = 'promotion_event')::int), sgn * sum(x.task)
    FROM (SELECT a.kind::text AS kind, a.occurred_on AS day, 0 AS task FROM activities a
           WHERE a.project_id = f.project_id AND a.kind IN ('visit', 'reception', 'promotion_event')
          UNION ALL
          SELECT '', t.due_date, 1 FROM tasks t WHERE t.project_id = f.project_id AND t.status = 'open' AND t.due_date IS NOT NULL) x
   CROSS JOIN LATERAL (VALUES ('d', x.day), ('m', dash_month(x.day))) v(g, d)
   GROUP BY v.g, v.d
   ORDER BY v.g, v.d
  ON CONFLICT ON CONSTRAINT dash_cube_key DO UPDATE SET
    visits = c.visits + excluded.visits, receptions = c.receptions + excluded.receptions, promotions = c.promotions + excluded.promotions,
    open_tasks = c.open_tasks + excluded.open_tasks;
$$;
--> statement-breakpoint

-- A project's stage events as moves between active stages, under a facts row's dimensions.
CREATE FUNCTION dash_add_events(f dash_facts, sgn int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_funnel AS x (g, d, unit_id, owner_id, chain_id, park_id, stage, n, total)
  SELECT v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id, m.stage, sum(m.n) * sgn, sum(m.n) * sgn * f.total_investment
    FROM stage_events se
   CROSS JOIN LATERAL (VALUES (se.from_stage, CASE WHEN se.from_status = 'active' THEN -1 ELSE 0 END),
                              (se.to_stage, CASE WHEN se.to_status = 'active' THEN 1 ELSE 0 END)) m(stage, n)
   CROSS JOIN LATERAL (SELECT (se.at AT TIME ZONE 'Asia/Shanghai')::date AS day) t
   CROSS JOIN LATERAL (VALUES ('d', t.day), ('m', dash_month(t.day)), ('a', '-infinity'::date)) v(g, d)
   WHERE se.project_id = f.project_id AND m.stage IS NOT NULL AND m.n <> 0
   GROUP BY v.g, v.d, m.stage
  HAVING sum(m.n) <> 0
   ORDER BY v.g, v.d, m.stage
  ON CONFLICT ON CONSTRAINT dash_funnel_key DO UPDATE SET n = x.n + excluded.n, total = x.total + excluded.total;
$$;
--> statement-breakpoint

-- ── Facts rows: worked out again for the projects a write touched ─────────────────

CREATE FUNCTION dash_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM dash_facts f WHERE f.project_id = ANY (ids)
     AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = f.project_id AND p.archived_at IS NULL);
  INSERT INTO dash_facts SELECT * FROM dash_facts_v v WHERE v.project_id = ANY (ids) ORDER BY v.project_id
  ON CONFLICT (project_id) DO UPDATE SET
    unit_id = excluded.unit_id, owner_id = excluded.owner_id, chain_id = excluded.chain_id, park_id = excluded.park_id,
    source = excluded.source, stage = excluded.stage, status = excluded.status, total_investment = excluded.total_investment,
    created_on = excluded.created_on, last_touch_on = excluded.last_touch_on,
    r0 = excluded.r0, r1 = excluded.r1, r2 = excluded.r2, r3 = excluded.r3, r4 = excluded.r4,
    r5 = excluded.r5, r6 = excluded.r6, r7 = excluded.r7, r8 = excluded.r8
  WHERE (dash_facts.*) IS DISTINCT FROM (excluded.*);
  DELETE FROM dash_signed s WHERE s.project_id = ANY (ids)
     AND NOT EXISTS (SELECT 1 FROM dash_signed_v v WHERE v.project_id = s.project_id);
  INSERT INTO dash_signed SELECT * FROM dash_signed_v v WHERE v.project_id = ANY (ids) ORDER BY v.project_id
  ON CONFLICT (project_id) DO UPDATE SET
    unit_id = excluded.unit_id, owner_id = excluded.owner_id, chain_id = excluded.chain_id, park_id = excluded.park_id,
    source = excluded.source, signed_on = excluded.signed_on, contract = excluded.contract, total_investment = excluded.total_investment,
    top500 = excluded.top500, central_soe = excluded.central_soe, listed = excluded.listed,
    reg_on = excluded.reg_on, reg_pending_on = excluded.reg_pending_on, start_on = excluded.start_on, start_pending_on = excluded.start_pending_on,
    op_on = excluded.op_on, op_pending_on = excluded.op_pending_on, kept_break = excluded.kept_break, kept_pending_break = excluded.kept_pending_break,
    funds_total = excluded.funds_total, funds_first_on = excluded.funds_first_on, funds_last_on = excluded.funds_last_on
  WHERE (dash_signed.*) IS DISTINCT FROM (excluded.*);
END $$;
--> statement-breakpoint

CREATE FUNCTION dash_bulk() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('crm.dash_bulk', true), '') = 'on' $$;
--> statement-breakpoint

-- A facts row changed: its sums move by the difference; with new dimensions or amount (or the
-- row coming or going) its activities, tasks and stage events move with it.
CREATE FUNCTION dash_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rekey boolean;
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  rekey := TG_OP <> 'UPDATE'
        OR (OLD.unit_id, OLD.owner_id, OLD.chain_id, OLD.park_id, OLD.total_investment)
           IS DISTINCT FROM (NEW.unit_id, NEW.owner_id, NEW.chain_id, NEW.park_id, NEW.total_investment);
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dash_add_facts(OLD, -1);
    IF rekey THEN PERFORM dash_add_children(OLD, -1); PERFORM dash_add_events(OLD, -1); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dash_add_facts(NEW, 1);
    IF rekey THEN PERFORM dash_add_children(NEW, 1); PERFORM dash_add_events(NEW, 1); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION dash_signed_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dash_add_signed(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dash_add_signed(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE TRIGGER dash_facts_changed AFTER INSERT OR UPDATE OR DELETE ON dash_facts FOR EACH ROW EXECUTE FUNCTION dash_facts_changed();
--> statement-breakpoint
CREATE TRIGGER dash_signed_changed AFTER INSERT OR UPDATE OR DELETE ON dash_signed FOR EACH ROW EXECUTE FUNCTION dash_signed_changed();
--> statement-breakpoint

-- ── Writes to a project's rows refresh its facts ─────────────────────────────────

-- One function per kind of transition table: a statement's holds the rows it wrote.
CREATE FUNCTION dash_touch_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'projects' THEN PERFORM dash_refresh(ARRAY(SELECT DISTINCT id FROM new_rows));
  ELSE PERFORM dash_refresh(ARRAY(SELECT DISTINCT project_id FROM new_rows WHERE project_id IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dash_touch_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  PERFORM dash_refresh(ARRAY(SELECT DISTINCT project_id FROM old_rows WHERE project_id IS NOT NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dash_touch_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  PERFORM dash_refresh(ARRAY(SELECT project_id FROM new_rows WHERE project_id IS NOT NULL UNION SELECT project_id FROM old_rows WHERE project_id IS NOT NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint

-- A project about to be deleted leaves the sums while its activities, tasks and events still
-- exist (their own deletions, by cascade, then find no facts and change nothing).
CREATE FUNCTION dash_project_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT dash_bulk() THEN
    DELETE FROM dash_facts WHERE project_id = OLD.id;
    DELETE FROM dash_signed WHERE project_id = OLD.id;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint

CREATE TRIGGER dash_projects_ins AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_new();
--> statement-breakpoint
CREATE TRIGGER dash_projects_upd AFTER UPDATE ON projects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_new();
--> statement-breakpoint
CREATE TRIGGER dash_projects_del BEFORE DELETE ON projects FOR EACH ROW EXECUTE FUNCTION dash_project_deleting();
--> statement-breakpoint
CREATE TRIGGER dash_signings_ins AFTER INSERT ON signings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_new();
--> statement-breakpoint
CREATE TRIGGER dash_signings_upd AFTER UPDATE ON signings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_both();
--> statement-breakpoint
CREATE TRIGGER dash_signings_del AFTER DELETE ON signings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_old();
--> statement-breakpoint
CREATE TRIGGER dash_milestones_ins AFTER INSERT ON milestones REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_new();
--> statement-breakpoint
CREATE TRIGGER dash_milestones_upd AFTER UPDATE ON milestones REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_both();
--> statement-breakpoint
CREATE TRIGGER dash_milestones_del AFTER DELETE ON milestones REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_old();
--> statement-breakpoint
CREATE TRIGGER dash_funds_ins AFTER INSERT ON funds_in_place REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_new();
--> statement-breakpoint
CREATE TRIGGER dash_funds_upd AFTER UPDATE ON funds_in_place REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_both();
--> statement-breakpoint
CREATE TRIGGER dash_funds_del AFTER DELETE ON funds_in_place REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_touch_old();
--> statement-breakpoint

-- An enterprise's tags and ownership say which investor class its projects count under.
CREATE FUNCTION dash_enterprises_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  PERFORM dash_refresh(ARRAY(
    SELECT p.id FROM projects p JOIN new_rows n ON n.id = p.enterprise_id JOIN old_rows o ON o.id = n.id
     WHERE (n.tags, n.ownership_type) IS DISTINCT FROM (o.tags, o.ownership_type)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dash_enterprises_upd AFTER UPDATE ON enterprises REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_enterprises_changed();
--> statement-breakpoint

-- Activities and tasks move the sums directly (the last activity date comes with the project).
CREATE FUNCTION dash_children_delta(sgn int, acts activities[], tks tasks[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_cube AS c (g, d, unit_id, owner_id, chain_id, park_id, visits, receptions, promotions, open_tasks)
  SELECT v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id,
         sgn * sum((x.kind = 'visit')::int), sgn * sum((x.kind = 'reception')::int), sgn * sum((x.kind = 'promotion_event')::int), sgn * sum(x.task)
    FROM (SELECT a.project_id, a.kind::text AS kind, a.occurred_on AS day, 0 AS task FROM unnest(acts) a
           WHERE a.kind IN ('visit', 'reception', 'promotion_event')
          UNION ALL
          SELECT t.project_id, '', t.due_date, 1 FROM unnest(tks) t WHERE t.status = 'open' AND t.due_date IS NOT NULL) x
    JOIN dash_facts f ON f.project_id = x.project_id
   CROSS JOIN LATERAL (VALUES ('d', x.day), ('m', dash_month(x.day))) v(g, d)
   GROUP BY v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id
   ORDER BY v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id
  ON CONFLICT ON CONSTRAINT dash_cube_key DO UPDATE SET
    visits = c.visits + excluded.visits, receptions = c.receptions + excluded.receptions, promotions = c.promotions + excluded.promotions,
    open_tasks = c.open_tasks + excluded.open_tasks;
$$;
--> statement-breakpoint
CREATE FUNCTION dash_activities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dash_children_delta(-1, ARRAY(SELECT o::activities FROM old_rows o), '{}'); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dash_children_delta(1, ARRAY(SELECT n::activities FROM new_rows n), '{}'); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dash_tasks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dash_children_delta(-1, '{}', ARRAY(SELECT o::tasks FROM old_rows o)); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dash_children_delta(1, '{}', ARRAY(SELECT n::tasks FROM new_rows n)); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dash_activities_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_activities_changed();
--> statement-breakpoint
CREATE TRIGGER dash_activities_upd AFTER UPDATE ON activities REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_activities_changed();
--> statement-breakpoint
CREATE TRIGGER dash_activities_del AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_activities_changed();
--> statement-breakpoint
CREATE TRIGGER dash_tasks_ins AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_tasks_changed();
--> statement-breakpoint
CREATE TRIGGER dash_tasks_upd AFTER UPDATE ON tasks REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_tasks_changed();
--> statement-breakpoint
CREATE TRIGGER dash_tasks_del AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_tasks_changed();
--> statement-breakpoint

-- Stage events (append-only) move the funnel and the first days each stage was reached.
CREATE FUNCTION dash_events_delta(sgn int, changed stage_events[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dash_funnel AS x (g, d, unit_id, owner_id, chain_id, park_id, stage, n, total)
  SELECT v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id, m.stage, sgn * sum(m.n), sgn * sum(m.n * f.total_investment)
    FROM unnest(changed) se
    JOIN dash_facts f ON f.project_id = se.project_id
   CROSS JOIN LATERAL (VALUES (se.from_stage, CASE WHEN se.from_status = 'active' THEN -1 ELSE 0 END),
                              (se.to_stage, CASE WHEN se.to_status = 'active' THEN 1 ELSE 0 END)) m(stage, n)
   CROSS JOIN LATERAL (SELECT (se.at AT TIME ZONE 'Asia/Shanghai')::date AS day) t
   CROSS JOIN LATERAL (VALUES ('d', t.day), ('m', dash_month(t.day)), ('a', '-infinity'::date)) v(g, d)
   WHERE m.stage IS NOT NULL AND m.n <> 0
   GROUP BY v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id, m.stage
  HAVING sum(m.n) <> 0
   ORDER BY v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id, m.stage
  ON CONFLICT ON CONSTRAINT dash_funnel_key DO UPDATE SET n = x.n + excluded.n, total = x.total + excluded.total;
$$;
--> statement-breakpoint
CREATE FUNCTION dash_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF dash_bulk() THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM dash_events_delta(-1, ARRAY(SELECT o::stage_events FROM old_rows o));
    PERFORM dash_refresh(ARRAY(SELECT DISTINCT project_id FROM old_rows));
  ELSE
    PERFORM dash_events_delta(1, ARRAY(SELECT n::stage_events FROM new_rows n));
    PERFORM dash_refresh(ARRAY(SELECT DISTINCT project_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dash_events_ins AFTER INSERT ON stage_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_events_changed();
--> statement-breakpoint
CREATE TRIGGER dash_events_del AFTER DELETE ON stage_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_events_changed();
--> statement-breakpoint

-- ── Everything again, from the rows (after a bulk load, and here for existing data) ─────

CREATE FUNCTION dash_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('crm.dash_bulk', 'on', true);
  TRUNCATE dash_facts, dash_signed, dash_cube, dash_cube_source, dash_funnel, dash_pipeline;
  INSERT INTO dash_facts SELECT * FROM dash_facts_v;
  INSERT INTO dash_signed SELECT * FROM dash_signed_v;
  INSERT INTO dash_pipeline (unit_id, owner_id, chain_id, park_id, stage, n, total)
  SELECT unit_id, owner_id, chain_id, park_id, stage, count(*), sum(total_investment)
    FROM dash_facts WHERE status = 'active' GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO dash_cube (g, d, unit_id, owner_id, chain_id, park_id, leads, reached1, reached2, reached3, reached4, reached5, reached6, reached7, reached8,
                         signed, contract, big, big_contract, top500, central_soe, listed, starts, operating, visits, receptions, promotions, idle, open_tasks)
  SELECT v.g, v.d, x.unit_id, x.owner_id, x.chain_id, x.park_id,
         sum(x.leads), sum(x.r1), sum(x.r2), sum(x.r3), sum(x.r4), sum(x.r5), sum(x.r6), sum(x.r7), sum(x.r8),
         sum(x.signed), sum(x.contract), sum(x.big), sum(x.big_contract), sum(x.top500), sum(x.central_soe),
         sum(x.listed), sum(x.starts), sum(x.operating), sum(x.visits), sum(x.receptions), sum(x.promotions), sum(x.idle), sum(x.open_tasks)
    FROM (
      SELECT f.created_on AS day, f.unit_id, f.owner_id, f.chain_id, f.park_id, 1 AS leads,
             (f.r1 IS NOT NULL)::int AS r1, (f.r2 IS NOT NULL)::int AS r2, (f.r3 IS NOT NULL)::int AS r3, (f.r4 IS NOT NULL)::int AS r4,
             (f.r5 IS NOT NULL)::int AS r5, (f.r6 IS NOT NULL)::int AS r6, (f.r7 IS NOT NULL)::int AS r7, (f.r8 IS NOT NULL)::int AS r8,
             0 AS signed, 0::numeric AS contract, 0 AS big, 0::numeric AS big_contract, 0 AS top500, 0 AS central_soe, 0 AS listed,
             0 AS starts, 0 AS operating, 0 AS visits, 0 AS receptions, 0 AS promotions, 0 AS idle, 0 AS open_tasks
        FROM dash_facts f
      UNION ALL
      SELECT f.last_touch_on, f.unit_id, f.owner_id, f.chain_id, f.park_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0
        FROM dash_facts f WHERE f.status = 'active' AND f.stage <> 'operating'
      UNION ALL
      SELECT s.signed_on, s.unit_id, s.owner_id, s.chain_id, s.park_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, s.contract, b.big, b.big * s.contract,
             b.big * s.top500::int, b.big * s.central_soe::int, b.big * s.listed::int, 0, 0, 0, 0, 0, 0, 0
        FROM dash_signed s CROSS JOIN LATERAL (SELECT (s.total_investment >= 100000000)::int AS big) b
      UNION ALL
      SELECT s.start_on, s.unit_id, s.owner_id, s.chain_id, s.park_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0
        FROM dash_signed s WHERE s.start_on IS NOT NULL
      UNION ALL
      SELECT s.op_on, s.unit_id, s.owner_id, s.chain_id, s.park_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
        FROM dash_signed s WHERE s.op_on IS NOT NULL
      UNION ALL
      SELECT a.occurred_on, f.unit_id, f.owner_id, f.chain_id, f.park_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
             (a.kind = 'visit')::int, (a.kind = 'reception')::int, (a.kind = 'promotion_event')::int, 0, 0
        FROM activities a JOIN dash_facts f ON f.project_id = a.project_id
       WHERE a.kind IN ('visit', 'reception', 'promotion_event')
      UNION ALL
      SELECT t.due_date, f.unit_id, f.owner_id, f.chain_id, f.park_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
        FROM tasks t JOIN dash_facts f ON f.project_id = t.project_id
       WHERE t.status = 'open' AND t.due_date IS NOT NULL
    ) x
   CROSS JOIN LATERAL (VALUES ('d', x.day), ('m', dash_month(x.day))) v(g, d)
   GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO dash_cube_source (g, d, unit_id, owner_id, chain_id, park_id, source, signed, contract)
  SELECT v.g, v.d, s.unit_id, s.owner_id, s.chain_id, s.park_id, s.source, count(*), sum(s.contract)
    FROM dash_signed s CROSS JOIN LATERAL (VALUES ('d', s.signed_on), ('m', dash_month(s.signed_on))) v(g, d)
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO dash_funnel (g, d, unit_id, owner_id, chain_id, park_id, stage, n, total)
  SELECT v.g, v.d, f.unit_id, f.owner_id, f.chain_id, f.park_id, m.stage, sum(m.n), sum(m.n * f.total_investment)
    FROM stage_events se
    JOIN dash_facts f ON f.project_id = se.project_id
   CROSS JOIN LATERAL (VALUES (se.from_stage, CASE WHEN se.from_status = 'active' THEN -1 ELSE 0 END),
                              (se.to_stage, CASE WHEN se.to_status = 'active' THEN 1 ELSE 0 END)) m(stage, n)
   CROSS JOIN LATERAL (SELECT (se.at AT TIME ZONE 'Asia/Shanghai')::date AS day) t
   CROSS JOIN LATERAL (VALUES ('d', t.day), ('m', dash_month(t.day)), ('a', '-infinity'::date)) v(g, d)
   WHERE m.stage IS NOT NULL AND m.n <> 0
   GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(m.n) <> 0;
  PERFORM set_config('crm.dash_bulk', 'off', true);
END $$;
--> statement-breakpoint

SELECT dash_rebuild();
