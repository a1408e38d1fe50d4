import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { uuidv7 } from './ids.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'file';
  send(message: MailMessage): Promise<void>;
  /** Mails written to the local outbox, newest first (file mailer only; SMTP keeps no outbox). */
  listOutbox(limit: number, before?: string): Promise<OutboxEntry[]>;
  readOutbox(id: string): Promise<(OutboxEntry & { eml: string }) | null>;
}

/** Without SMTP every mail becomes DATA_DIR/mail/<id>.eml (+ a .json index entry) for the operator console. */
export class FileMailer implements Mailer {
  readonly kind = 'file';
  private readonly transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const info = await this.transport.sendMail({ from: this.from, ...message });
    const id = uuidv7();
    const entry: OutboxEntry = { id, to: message.to, subject: message.subject, text: message.text, sentAt: new Date().toISOString() };
    await fs.writeFile(path.join(this.dir, `${id}.eml`), info.message as Buffer);
    await fs.writeFile(path.join(this.dir, `${id}.json`), JSON.stringify(entry));
  }

  async listOutbox(limit: number, before?: string): Promise<OutboxEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const ids = names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -5))
      .filter((id) => before === undefined || id < before)
      .sort()
      .reverse()
      .slice(0, limit);
    return Promise.all(ids.map(async (id) => JSON.parse(await fs.readFile(path.join(this.dir, `${id}.json`), 'utf8')) as OutboxEntry));
  }

  async readOutbox(id: string): Promise<(OutboxEntry & { eml: string }) | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    try {
      const entry = JSON.parse(await fs.readFile(path.join(this.dir, `${id}.json`), 'utf8')) as OutboxEntry;
      return { ...entry, eml: await fs.readFile(path.join(this.dir, `${id}.eml`), 'utf8') };
    } catch {
      return null;
    }
  }
}

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }

  listOutbox(): Promise<OutboxEntry[]> {
    return Promise.resolve([]);
  }

  readOutbox(): Promise<null> {
    return Promise.resolve(null);
  }
}

import { z } from 'zod';
import type { Db } from './db.js';
import { enqueueJob, type JobRunner } from './jobs.js';

const mailPayload = z.object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string().optional() });

/** Queues a mail in the caller's transaction; the mail.send job delivers it with retries. */
export async function enqueueMail(db: Db, message: MailMessage): Promise<void> {
  await enqueueJob(db, { kind: 'mail.send', payload: { ...message }, maxAttempts: 10 });
}

export function defineMailJob(jobs: JobRunner, mailer: Mailer): void {
  jobs.define('mail.send', mailPayload, async (message) => {
    await mailer.send(message);
  });
}
