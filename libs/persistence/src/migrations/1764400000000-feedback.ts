/**
 * Consultation rounds, opinion clusters, answers, answer templates and the feedback work log; the same
 * SQL on both dialects except the append-only log's key and triggers. Frozen once landed.
 *
 * - `round`: a major adjustment re-runs the consultation (Decree 713 art.37); each ConsultationOpened
 *   starts a new round of the decision's one consultation row, and opinions carry the round they were
 *   received in. Execution-stage opinions (SPEC.md §3.6) have phase `execution` and round 0.
 * - `opinions.cluster_id`: the cluster an opinion belongs to (NULL until clustered).
 * - `opinion_clusters`: working data of the feedback stage (staff merge, split and relabel them); every
 *   change is also written to the append-only `feedback_work_log`.
 * - `opinion_answers`: one answer per cluster or per opinion (`target_kind` 'cluster' | 'opinion');
 *   frozen once the feedback report is published (`consultations.feedback_published_at`).
 * - `answer_templates`: reusable answers of a unit.
 */
export const FEEDBACK_TABLES: readonly string[] = [
  `ALTER TABLE consultations ADD COLUMN round integer NOT NULL DEFAULT 1`,
  `ALTER TABLE consultations ADD COLUMN clustered_at varchar(32)`,
  `ALTER TABLE consultations ADD COLUMN feedback_published_at varchar(32)`,
  `ALTER TABLE opinions ADD COLUMN round integer NOT NULL DEFAULT 1`,
  `ALTER TABLE opinions ADD COLUMN cluster_id varchar(32)`,
  `CREATE INDEX opinions_cluster ON opinions (decision_id, cluster_id)`,
  `CREATE INDEX opinions_phase_received ON opinions (decision_id, phase, received_at)`,
  `CREATE TABLE opinion_clusters (
    decision_id varchar(64) NOT NULL, cluster_id varchar(32) NOT NULL, round integer NOT NULL,
    label varchar(200) NOT NULL, origin varchar(16) NOT NULL, size integer NOT NULL,
    representative varchar(24), keywords text, created_at varchar(32) NOT NULL, updated_at varchar(32) NOT NULL,
    PRIMARY KEY (decision_id, cluster_id))`,
  `CREATE TABLE opinion_answers (
    decision_id varchar(64) NOT NULL, target_kind varchar(8) NOT NULL, target_id varchar(32) NOT NULL,
    verdict varchar(24) NOT NULL, text text NOT NULL, reason text, template_id varchar(64),
    answered_at varchar(32) NOT NULL, answered_by text NOT NULL,
    PRIMARY KEY (decision_id, target_kind, target_id))`,
  `CREATE TABLE answer_templates (
    unit_id varchar(64) NOT NULL, template_id varchar(64) NOT NULL, title varchar(200) NOT NULL,
    verdict varchar(24) NOT NULL, text text NOT NULL, created_at varchar(32) NOT NULL,
    PRIMARY KEY (unit_id, template_id))`,
];
