-- Which instance holds a probe claim: a random id per running store. Renewing and giving back a claim check it, so an
-- instance that stalled past its lease (a long pause, a frozen VM) and finds its claim taken over by another instance
-- neither renews nor deletes the newcomer's claim. Claims written before this column have no owner and simply expire.
ALTER TABLE probe_claims ADD COLUMN owner VARCHAR(40);
