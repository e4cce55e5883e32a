-- Issuing an order checks for an existing one first (check-then-act); the constraint makes the database refuse a
-- second order for the same inspection even when two requests pass that check at the same moment.
ALTER TABLE rectification_order ADD CONSTRAINT uq_rectification_inspection UNIQUE (inspection_id);
