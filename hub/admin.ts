import type { Account, Role } from './accounts';
import { HubError } from './http';
import { one, rows, type Queryable } from './pg';

/**
 * What the administrator's page shows and changes: the teams with their leads, every account,
 * and the invitations not used yet. Only hashes of invitation links are kept, so a link is shown
 * once, when it is made.
 */

export interface AdminTeam {
  id: number;
  name: string;
  version: number;
  publishedAt: string | null;
  leads: string[];
}

export interface AdminAccount {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** The names of the teams a lead leads. */
  leads: string[];
}

export interface OpenInvitation {
  email: string;
  role: Role;
  teams: string[];
  expiresAt: string;
}

export interface AdminView {
  teams: AdminTeam[];
  accounts: AdminAccount[];
  invitations: OpenInvitation[];
}

const STAMP = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

export async function adminView(db: Queryable): Promise<AdminView> {
  const [teams, accounts, invitations] = await Promise.all([
    rows<AdminTeam>(
      db,
      `SELECT t.id, t.name, t.version, to_char(t.published_at AT TIME ZONE 'UTC', ${STAMP}) AS "publishedAt",
              coalesce((SELECT array_agg(a.name ORDER BY a.name) FROM team_lead l JOIN account a ON a.id = l.account_id WHERE l.team_id = t.id AND a.disabled_at IS NULL), '{}') AS leads
         FROM team t ORDER BY t.name, t.id`,
    ),
    rows<AdminAccount>(
      db,
      `SELECT a.id, a.email, a.name, a.role, a.disabled_at IS NOT NULL AS disabled,
              coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM team_lead l JOIN team t ON t.id = l.team_id WHERE l.account_id = a.id), '{}') AS leads
         FROM account a ORDER BY a.disabled_at IS NOT NULL, a.name, a.id`,
    ),
    rows<OpenInvitation>(
      db,
      `SELECT i.email, i.role, coalesce((SELECT array_agg(t.name ORDER BY t.name) FROM team t WHERE t.id = ANY(i.team_ids)), '{}') AS teams,
              to_char(i.expires_at AT TIME ZONE 'UTC', ${STAMP}) AS "expiresAt"
         FROM invitation i WHERE i.used_at IS NULL AND i.expires_at > now() ORDER BY i.created_at DESC`,
    ),
  ]);
  return { teams, accounts, invitations };
}

/**
 * Disables an account (its sessions open nothing from the next request on, on every hub process:
 * each request's session query checks it) or enables it again. An administrator cannot disable
 * their own account, so the hub always keeps one who can undo it.
 */
export async function setDisabled(db: Queryable, admin: Account, rawId: string, disabled: boolean): Promise<AdminAccount['email']> {
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isFinite(id)) throw new HubError('not_found', 'No such account', 'id');
  if (disabled && id === admin.id) throw new HubError('bad_request', 'You cannot disable your own account', 'id');
  const changed = await one<{ email: string }>(db, `UPDATE account SET disabled_at = ${disabled ? 'coalesce(disabled_at, now())' : 'NULL'} WHERE id = $1 RETURNING email`, [id]);
  if (!changed) throw new HubError('not_found', 'No such account', 'id');
  return changed.email;
}
