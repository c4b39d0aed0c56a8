-- The hub's first schema. Plain SQL that runs unchanged on PGlite and on PostgreSQL 13 or later.
-- Times are milliseconds since the epoch (bigint); ids are client- or hub-generated UUIDs.

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at bigint NOT NULL
);

CREATE TABLE coaches (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  -- The coach's change counter: every change to one of their actions takes the next number, so
  -- it orders changes as the hub received them and serves as the pull cursor.
  revision bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  UNIQUE (organisation_id, name)
);

CREATE TABLE tokens (
  id uuid PRIMARY KEY,
  -- SHA-256 of the token, hex; the token itself is shown once and never stored.
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('coach', 'manager')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  coach_id uuid REFERENCES coaches (id),
  label text NOT NULL,
  created_at bigint NOT NULL,
  revoked_at bigint,
  CHECK ((role = 'coach') = (coach_id IS NOT NULL))
);

CREATE TABLE actions (
  id uuid PRIMARY KEY,
  coach_id uuid NOT NULL REFERENCES coaches (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  participant jsonb NOT NULL,
  -- The participant's display name, or their pseudonym: what the manager page searches.
  participant_label text NOT NULL,
  session_id uuid,
  text text NOT NULL,
  owner text NOT NULL,
  due_date text,
  verification text NOT NULL,
  status text NOT NULL,
  blocked_reason text NOT NULL,
  is_experiment boolean NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  deleted_at bigint,
  history jsonb NOT NULL,
  -- Per field: the revision, source, author and token of its last change (the conflict rule's input).
  field_changes jsonb NOT NULL,
  revision bigint NOT NULL,
  created_revision bigint NOT NULL
);
CREATE UNIQUE INDEX actions_coach_revision ON actions (coach_id, revision);
CREATE INDEX actions_organisation_due ON actions (organisation_id, due_date);

-- Every change of an action's fields, with the new values: what lets the hub tell a field a
-- device changed from one it merely carried along unchanged.
CREATE TABLE action_changes (
  action_id uuid NOT NULL REFERENCES actions (id),
  revision bigint NOT NULL,
  source text NOT NULL CHECK (source IN ('coach', 'upstream')),
  author text NOT NULL,
  at bigint NOT NULL,
  fields jsonb NOT NULL,
  PRIMARY KEY (action_id, revision)
);

CREATE TABLE action_notes (
  id uuid PRIMARY KEY,
  action_id uuid NOT NULL REFERENCES actions (id),
  kind text NOT NULL CHECK (kind IN ('comment', 'conflict')),
  at bigint NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX action_notes_action ON action_notes (action_id, at);

CREATE TABLE commitments (
  id uuid PRIMARY KEY,
  coach_id uuid NOT NULL REFERENCES coaches (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  participant jsonb NOT NULL,
  body jsonb NOT NULL,
  record_version bigint NOT NULL,
  received_at bigint NOT NULL
);

-- One row per event the hub took in, so a replayed batch changes nothing.
CREATE TABLE push_receipts (
  coach_id uuid NOT NULL REFERENCES coaches (id),
  idempotency_key text NOT NULL,
  record_id uuid,
  received_at bigint NOT NULL,
  PRIMARY KEY (coach_id, idempotency_key)
);
