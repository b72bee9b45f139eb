/**
 * Schema 7: the entity tag (ETag) the calendar server gave each event Rosterdesk published.
 * A later publish lists the server's collection and compares: an event whose tag is still the
 * one noted here is as we left it; another tag means someone edited it on the server, which is
 * reported instead of overwritten. Rows from before have no tag (null): the next publish takes
 * the server's tag as it finds it, as an older Rosterdesk trusted what it had sent.
 */
export const sql = /* sql */ `
ALTER TABLE caldav_published ADD COLUMN etag TEXT CHECK (etag IS NULL OR length(etag) BETWEEN 1 AND 1000);
`;
