import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  AccountCheckSchema,
  unknownSecretFields,
  type AccountCheck,
  type AccountView,
} from '../../shared/channels/account.ts';
import {
  AccountSettingsSchema,
  requiredSecrets,
  type AccountSecrets,
  type AccountSettings,
} from '../../shared/channels/accountSettings.ts';
import type { ChannelId } from '../../shared/content/channelId.ts';
import type { Clock } from '../clock.ts';
import { DeskError } from '../errors.ts';
import { SecretBoxError, type SecretBox } from '../secrets/secretBox.ts';
import { parseJsonColumn, parseRow } from '../store/parseRow.ts';
import type { UploadCache } from '../channels/adapterOptions.ts';

interface AccountRow {
  id: string;
  channel: string;
  name: string;
  sandbox: number;
  settings: string;
  secrets: Buffer | null;
  secret_names: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  check_result: string | null;
}

const SecretsJsonSchema = z.record(z.string(), z.string());
const SecretNamesSchema = z.array(z.string());

/**
 * Channel accounts. Settings are stored as JSON and parsed with their schema on every read;
 * secrets only sealed by the secret box, as one blob per account, opened only for adapters
 * (`secretsOf`) and never returned to the UI, which learns the names of the secrets set.
 */
export class AccountsRepository {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly box: SecretBox;

  constructor(db: Database, clock: Clock, box: SecretBox) {
    this.db = db;
    this.clock = clock;
    this.box = box;
  }

  list(): AccountView[] {
    const rows = this.db
      .prepare('SELECT * FROM channel_accounts ORDER BY sandbox, channel, name')
      .all() as AccountRow[];
    return rows.map((row) => this.view(row));
  }

  get(id: string): AccountView {
    return this.view(this.row(id));
  }

  create(
    input: {
      name: string;
      settings: AccountSettings;
      secrets: Record<string, string>;
      sandbox?: boolean;
    },
    person: string,
  ): AccountView {
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    this.assertNameFree(input.settings.channel, input.name, null);
    this.db
      .prepare(
        `INSERT INTO channel_accounts
           (id, channel, name, sandbox, settings, secrets, secret_names, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.settings.channel,
        input.name,
        input.sandbox === true ? 1 : 0,
        JSON.stringify(input.settings),
        this.seal(trimmed(input.secrets)),
        JSON.stringify(Object.keys(trimmed(input.secrets))),
        now,
        person,
        now,
        person,
      );
    return this.get(id);
  }

  /**
   * Changes name, settings and/or secrets. A secret given non-empty replaces the stored one;
   * others are kept. The channel of an account never changes. Settings changes clear the last
   * connection test, which no longer says anything about the new settings.
   */
  update(
    input: {
      id: string;
      name?: string | undefined;
      settings?: AccountSettings | undefined;
      secrets: Record<string, string>;
    },
    person: string,
  ): AccountView {
    const row = this.row(input.id);
    const channel = row.channel as ChannelId;
    if (input.settings && input.settings.channel !== channel) {
      throw new DeskError(
        'invalid_input',
        'The channel of an account cannot change; add a new account instead.',
        {
          issues: [
            { path: 'settings.channel', message: 'The channel of an account cannot change.' },
          ],
        },
      );
    }
    if (row.sandbox === 1 && (input.settings || Object.keys(input.secrets).length > 0)) {
      throw new DeskError(
        'invalid_input',
        'A sandbox account is set up by PressDesk itself; only its name can change.',
        { issues: [{ path: 'settings', message: 'Sandbox accounts keep their settings.' }] },
      );
    }
    const unknown = unknownSecretFields(channel, input.secrets);
    if (unknown.length > 0) {
      throw new DeskError('invalid_input', `Not a secret of this channel: ${unknown.join(', ')}.`, {
        issues: unknown.map((name) => ({
          path: `secrets.${name}`,
          message: 'Not a secret of this channel.',
        })),
      });
    }
    if (input.name !== undefined) this.assertNameFree(channel, input.name, input.id);
    const given = trimmed(input.secrets);
    const secrets =
      Object.keys(given).length > 0 ? { ...this.secretsOf(input.id), ...given } : undefined;
    const settingsAfter = input.settings ?? this.get(input.id).settings;
    const namesAfter = secrets ? Object.keys(secrets) : this.get(input.id).secretsSet;
    const missing = requiredSecrets(settingsAfter).filter((name) => !namesAfter.includes(name));
    if (missing.length > 0) {
      throw new DeskError('invalid_input', `Give the ${missing.join(', ')} as well.`, {
        issues: missing.map((name) => ({ path: `secrets.${name}`, message: 'Required.' })),
      });
    }
    const now = this.clock.now().toISOString();
    this.db
      .prepare(
        `UPDATE channel_accounts SET
           name = coalesce(?, name),
           settings = coalesce(?, settings),
           secrets = coalesce(?, secrets),
           secret_names = coalesce(?, secret_names),
           check_result = CASE WHEN ? THEN NULL ELSE check_result END,
           checked_at = CASE WHEN ? THEN NULL ELSE checked_at END,
           updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(
        input.name ?? null,
        input.settings ? JSON.stringify(input.settings) : null,
        secrets ? this.seal(secrets) : null,
        secrets ? JSON.stringify(Object.keys(secrets)) : null,
        input.settings || secrets ? 1 : 0,
        input.settings || secrets ? 1 : 0,
        now,
        person,
        input.id,
      );
    return this.get(input.id);
  }

  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM channel_accounts WHERE id = ?').run(id);
    if (result.changes === 0) throw notFound(id);
  }

  /** The account's secrets in clear, for its adapter only. */
  secretsOf(id: string): AccountSecrets {
    const row = this.row(id);
    if (row.secrets === null) return {};
    let text: string;
    try {
      text = this.box.open(row.secrets);
    } catch (error) {
      if (error instanceof SecretBoxError) {
        throw new DeskError(
          'storage',
          `The secrets of the account "${row.name}" cannot be opened (${error.message}) Enter them again in 渠道账号 / Channel accounts.`,
          { cause: error },
        );
      }
      throw error;
    }
    return parseRow(
      SecretsJsonSchema,
      parseJsonColumn(text, `channel_accounts ${id} secrets`),
      `channel_accounts ${id} secrets`,
    );
  }

  recordCheck(id: string, check: AccountCheck): AccountView {
    this.db
      .prepare('UPDATE channel_accounts SET checked_at = ?, check_result = ? WHERE id = ?')
      .run(check.at, JSON.stringify(check), id);
    return this.get(id);
  }

  /** The account's upload cache (see UploadCache), kept until the account is removed. */
  uploads(id: string): UploadCache {
    const select = this.db.prepare(
      'SELECT value FROM channel_uploads WHERE account_id = ? AND kind = ? AND hash = ?',
    );
    const upsert = this.db.prepare(
      `INSERT INTO channel_uploads (account_id, kind, hash, value, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_id, kind, hash) DO UPDATE SET value = excluded.value`,
    );
    return {
      get: (hash, kind) => (select.get(id, kind, hash) as { value: string } | undefined)?.value,
      set: (hash, kind, value) => {
        upsert.run(id, kind, hash, value, this.clock.now().toISOString());
      },
    };
  }

  private row(id: string): AccountRow {
    const row = this.db.prepare('SELECT * FROM channel_accounts WHERE id = ?').get(id) as
      AccountRow | undefined;
    if (!row) throw notFound(id);
    return row;
  }

  private assertNameFree(channel: string, name: string, except: string | null): void {
    const clash = this.db
      .prepare('SELECT id FROM channel_accounts WHERE channel = ? AND name = ? AND id IS NOT ?')
      .get(channel, name, except);
    if (clash) {
      throw new DeskError(
        'refused',
        `There is already an account named "${name}" for this channel.`,
        {
          issues: [{ path: 'name', message: 'Another account of this channel has this name.' }],
        },
      );
    }
  }

  private seal(secrets: Record<string, string>): Buffer {
    return this.box.seal(JSON.stringify(secrets));
  }

  private view(row: AccountRow): AccountView {
    const where = `channel_accounts ${row.id}`;
    const settings = parseRow(AccountSettingsSchema, parseJsonColumn(row.settings, where), where);
    const names = parseRow(SecretNamesSchema, parseJsonColumn(row.secret_names, where), where);
    return {
      id: row.id,
      channel: settings.channel,
      name: row.name,
      sandbox: row.sandbox === 1,
      settings,
      secretsSet: names,
      createdAt: row.created_at,
      createdBy: row.created_by,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
      lastCheck:
        row.check_result === null
          ? null
          : parseRow(AccountCheckSchema, parseJsonColumn(row.check_result, where), where),
    };
  }
}

function trimmed(secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(secrets)
      .map(([name, value]) => [name, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

function notFound(id: string): DeskError {
  return new DeskError('not_found', `No channel account ${id}.`);
}
