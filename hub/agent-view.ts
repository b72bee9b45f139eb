import type { PlanItem } from '../core/hub-plan';
import { byAsk, type Account } from './accounts';
import { membershipsSql, type Membership } from './plans';
import { prepared, rows, type Queryable } from './pg';
import { myRequestsSql, openOffersSql, type MyRequest, type Offer } from './requests';

/** What an agent's own page shows from the database. */
export interface AgentData {
  memberships: Membership[];
  requests: MyRequest[];
  offers: Offer[];
  /** Whether the agent has a calendar feed address (only its hash is kept, so the page cannot show it again). */
  hasFeed: boolean;
}

const AGENT_DATA = prepared(
  'agent_data',
  `SELECT x.n,
          (${membershipsSql('x.email', '$3', '$4', '$5')})::json AS memberships,
          (SELECT coalesce(json_agg(q ORDER BY q."createdAt" DESC), '[]'::json) FROM (${myRequestsSql('x.id')}) q) AS requests,
          (SELECT coalesce(json_agg(o ORDER BY o."createdAt"), '[]'::json) FROM (${openOffersSql('x.id', 'x.email')}) o) AS offers,
          EXISTS (SELECT 1 FROM feed f WHERE f.account_id = x.id) AS "hasFeed"
     FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS x(id, email, n)`,
);

/**
 * The agent pages of many accounts in one query, in the order asked: their teams' plans (items of
 * `kinds` within [fromIso, toIso)), their requests, the swap offers open to them, and whether they
 * have a feed. The same SQL as the schedule API, `myRequests` and `openOffers`, so a page shows what
 * the API answers; the server gathers the pages asked for at one moment into one call.
 */
export async function agentData(db: Queryable, accounts: readonly Pick<Account, 'id' | 'email'>[], kinds: readonly PlanItem['kind'][], fromIso: string, toIso: string): Promise<AgentData[]> {
  const found = await rows<AgentData & { n: number }>(db, AGENT_DATA, [accounts.map((a) => a.id), accounts.map((a) => a.email.toLowerCase()), kinds, fromIso, toIso]);
  // unnest gives every account its row.
  return byAsk(accounts.length, found).map((row) => {
    if (!row) throw new Error('an asked account has no row');
    const { n: _n, ...data } = row;
    return data;
  });
}
