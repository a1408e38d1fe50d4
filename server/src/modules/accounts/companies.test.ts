import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addMember, buildCompanyInput, buildUscc, call, createCompany, invitationTokenFor, registerUser } from '../../testing/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('companies', () => {
  it('creates a company with its creator as owner and makes it the active company', async () => {
    const owner = await registerUser(t);
    const res = await call(t, { method: 'POST', url: '/api/v1/companies', headers: owner.headers, payload: buildCompanyInput({ legalName: '常州龙城钢管有限公司' }) });
    expect(res.statusCode).toBe(201);
    const company = res.json<{ id: string; myRole: string; memberCount: number }>();
    expect(company).toMatchObject({ myRole: 'owner', memberCount: 1 });
    const me = (await call(t, { method: 'GET', url: '/api/v1/me', headers: owner.headers })).json<{ activeCompanyId: string; companies: Array<{ id: string; role: string; name: string }> }>();
    expect(me.activeCompanyId).toBe(company.id);
    expect(me.companies).toEqual([expect.objectContaining({ id: company.id, role: 'owner', name: '常州龙城钢管有限公司' })]);
  });

  it('refuses a USCC whose check character is wrong, naming the field and the reason', async () => {
    const owner = await registerUser(t);
    const good = buildUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await call(t, { method: 'POST', url: '/api/v1/companies', headers: { ...owner.headers, 'accept-language': 'zh-CN' }, payload: buildCompanyInput({ uscc: bad }) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'USCC_INVALID', errors: [{ path: 'body.uscc', message: '第 18 位校验码不正确' }] });
  });

  it('refuses a USCC already used by another company, and an unknown province', async () => {
    const a = await registerUser(t);
    const uscc = buildUscc();
    await createCompany(t, a, { uscc });
    const b = await registerUser(t);
    const dup = await call(t, { method: 'POST', url: '/api/v1/companies', headers: b.headers, payload: buildCompanyInput({ uscc }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'USCC_TAKEN' });
    const province = await call(t, { method: 'POST', url: '/api/v1/companies', headers: b.headers, payload: buildCompanyInput({ province: '999999' }) });
    expect(province.json()).toMatchObject({ code: 'PROVINCE_UNKNOWN' });
  });

  it('lets owners and admins edit, not purchasers, and shows the public profile to anyone', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner);
    const admin = await addMember(t, owner, c.id, 'admin');
    const purchaser = await addMember(t, owner, c.id, 'purchaser');
    const byAdmin = await call(t, { method: 'PATCH', url: `/api/v1/companies/${c.id}`, headers: admin.headers, payload: { description: '专业生产 Q235B 热轧板', mainProducts: ['热轧板'] } });
    expect(byAdmin.statusCode).toBe(200);
    const byPurchaser = await call(t, { method: 'PATCH', url: `/api/v1/companies/${c.id}`, headers: purchaser.headers, payload: { description: 'x' } });
    expect(byPurchaser.statusCode).toBe(403);
    const anonymous = await call(t, { method: 'GET', url: `/api/v1/companies/${c.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ description: '专业生产 Q235B 热轧板', mainProducts: ['热轧板'], memberCount: 3, myRole: null });
    const events = await t.database.db.selectFrom('events').select('type').where('company_id', '=', c.id).execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['company.created', 'invitation.created', 'invitation.accepted', 'company.updated']));
  });

  it('uploads a logo checked by content, not by file name', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const multipart = (name: string, type: string, bytes: Buffer) => {
      const boundary = '----ts' + Math.random().toString(16).slice(2);
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return { payload: body, headers: { ...owner.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
    };
    const ok = await call(t, { method: 'POST', url: `/api/v1/companies/${c.id}/logo`, ...multipart('logo.png', 'image/png', png) });
    expect(ok.statusCode).toBe(200);
    const logoUrl = ok.json<{ logoUrl: string }>().logoUrl;
    const file = await call(t, { method: 'GET', url: logoUrl });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['cache-control']).toContain('max-age');
    expect(file.rawPayload.equals(png)).toBe(true);
    const fake = await call(t, { method: 'POST', url: `/api/v1/companies/${c.id}/logo`, ...multipart('evil.png', 'image/png', Buffer.from('<script>alert(1)</script>')) });
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
  });

  it('lists suppliers publicly with cursor pagination', async () => {
    const owner = await registerUser(t);
    for (let i = 0; i < 3; i++) await createCompany(t, owner, { companyType: 'trading_company' });
    const first = await call(t, { method: 'GET', url: '/api/v1/companies?role=supplier&limit=2' });
    const page1 = first.json<{ items: Array<{ id: string; companyType: string }>; nextCursor: string }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((c) => c.companyType !== 'buyer')).toBe(true);
    const second = await call(t, { method: 'GET', url: `/api/v1/companies?role=supplier&limit=2&cursor=${page1.nextCursor}` });
    const page2 = second.json<{ items: Array<{ id: string }> }>();
    expect(page2.items[0]!.id < page1.items[1]!.id).toBe(true);
    expect((await call(t, { method: 'GET', url: '/api/v1/companies?cursor=garbage' })).json()).toMatchObject({ code: 'INVALID_CURSOR' });
  });
});

describe('members and invitations', () => {
  it('invites by mail, the invitee accepts with the tokened link and joins with the role', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner, { legalName: '宁波港城五金有限公司' });
    const email = 'new-colleague@example.cn';
    const inv = await call(t, { method: 'POST', url: `/api/v1/companies/${c.id}/invitations`, headers: owner.headers, payload: { email, role: 'sales' } });
    expect(inv.statusCode).toBe(201);
    expect(inv.json()).toMatchObject({ email, role: 'sales', status: 'pending' });
    const token = await invitationTokenFor(t, email);
    const mail = (await t.platform.mailer.listOutbox(10)).find((m) => m.to === email)!;
    expect(mail.subject).toContain('宁波港城五金有限公司');
    expect(mail.text).toContain(`http://tongshang.test/invitations/${token}`);
    const stored = await t.platform.mailer.readOutbox(mail.id);
    expect(stored?.eml).toMatch(/^From: /m);

    const preview = await call(t, { method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(preview.json()).toMatchObject({ email, role: 'sales', status: 'pending', company: { legalName: '宁波港城五金有限公司' } });

    const stranger = await registerUser(t);
    const wrongPerson = await call(t, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: stranger.headers });
    expect(wrongPerson.json()).toMatchObject({ code: 'INVITATION_EMAIL_MISMATCH' });

    const invitee = await registerUser(t, { email });
    const accept = await call(t, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.headers });
    expect(accept.json()).toEqual({ companyId: c.id, role: 'sales' });
    const again = await call(t, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.headers });
    expect(again.json()).toMatchObject({ code: 'INVITATION_USED' });
    const members = await call(t, { method: 'GET', url: `/api/v1/companies/${c.id}/members`, headers: invitee.headers });
    expect(members.json<{ items: Array<{ email: string; role: string }> }>().items.map((m) => m.role).sort()).toEqual(['owner', 'sales']);
  });

  it('inviting an address again retires the earlier link: one open invitation per person, none once they join', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner);
    const email = 'twice@example.cn';
    for (let i = 0; i < 2; i += 1) {
      expect((await call(t, { method: 'POST', url: `/api/v1/companies/${c.id}/invitations`, headers: owner.headers, payload: { email, role: 'sales' } })).statusCode).toBe(201);
    }
    const open = () => call(t, { method: 'GET', url: `/api/v1/companies/${c.id}/invitations`, headers: owner.headers }).then((r) => r.json<{ items: Array<{ email: string; status: string }> }>().items.filter((i) => i.status === 'pending'));
    expect(await open()).toHaveLength(1);
    await t.drain();
    const tokens = (await t.platform.mailer.listOutbox(100)).filter((m) => m.to === email).map((m) => m.text.match(/\/invitations\/([\w-]+)/)![1]!);
    expect(tokens).toHaveLength(2);
    const invitee = await registerUser(t, { email });
    const answers = [];
    for (const token of tokens) answers.push((await call(t, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.headers })).json<{ code?: string; companyId?: string }>());
    expect(answers.map((a) => a.code ?? a.companyId).sort()).toEqual([c.id, 'INVITATION_REVOKED'].sort());
    expect(await open()).toHaveLength(0);
  });

  it('withdrawn and expired invitations cannot be accepted', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner);
    const inv = await call(t, { method: 'POST', url: `/api/v1/companies/${c.id}/invitations`, headers: owner.headers, payload: { email: 'withdrawn@example.cn', role: 'finance' } });
    const token = await invitationTokenFor(t, 'withdrawn@example.cn');
    await call(t, { method: 'DELETE', url: `/api/v1/companies/${c.id}/invitations/${inv.json<{ id: string }>().id}`, headers: owner.headers });
    const invitee = await registerUser(t, { email: 'withdrawn@example.cn' });
    expect((await call(t, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, headers: invitee.headers })).json()).toMatchObject({ code: 'INVITATION_REVOKED' });

    await call(t, { method: 'POST', url: `/api/v1/companies/${c.id}/invitations`, headers: owner.headers, payload: { email: 'late@example.cn', role: 'finance' } });
    const lateToken = await invitationTokenFor(t, 'late@example.cn');
    await t.database.db.withTables<{ invitations: { email: string; expires_at: Date } }>().updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('email', '=', 'late@example.cn').execute();
    const late = await registerUser(t, { email: 'late@example.cn' });
    const res = await call(t, { method: 'POST', url: `/api/v1/invitations/${lateToken}/accept`, headers: late.headers });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'INVITATION_EXPIRED' });
  });

  it('keeps at least one owner and lets only owners hand out the owner role', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner);
    const admin = await addMember(t, owner, c.id, 'admin');
    const demoteSelf = await call(t, { method: 'PATCH', url: `/api/v1/companies/${c.id}/members/${owner.id}`, headers: owner.headers, payload: { role: 'admin' } });
    expect(demoteSelf.json()).toMatchObject({ code: 'LAST_OWNER' });
    const leave = await call(t, { method: 'DELETE', url: `/api/v1/companies/${c.id}/members/${owner.id}`, headers: owner.headers });
    expect(leave.json()).toMatchObject({ code: 'LAST_OWNER' });
    const adminPromotes = await call(t, { method: 'PATCH', url: `/api/v1/companies/${c.id}/members/${admin.id}`, headers: admin.headers, payload: { role: 'owner' } });
    expect(adminPromotes.json()).toMatchObject({ code: 'OWNER_ONLY' });
    const adminRemovesOwner = await call(t, { method: 'DELETE', url: `/api/v1/companies/${c.id}/members/${owner.id}`, headers: admin.headers });
    expect(adminRemovesOwner.json()).toMatchObject({ code: 'OWNER_ONLY' });
    const promote = await call(t, { method: 'PATCH', url: `/api/v1/companies/${c.id}/members/${admin.id}`, headers: owner.headers, payload: { role: 'owner' } });
    expect(promote.json()).toMatchObject({ role: 'owner' });
    const nowLeave = await call(t, { method: 'DELETE', url: `/api/v1/companies/${c.id}/members/${owner.id}`, headers: owner.headers });
    expect(nowLeave.statusCode).toBe(200);
    const me = (await call(t, { method: 'GET', url: '/api/v1/me', headers: owner.headers })).json<{ companies: unknown[]; activeCompanyId: string | null }>();
    expect(me).toMatchObject({ companies: [], activeCompanyId: null });
  });

  it('admins change roles and remove members; a removed member loses access at once', async () => {
    const owner = await registerUser(t);
    const c = await createCompany(t, owner);
    const sales = await addMember(t, owner, c.id, 'sales');
    const changed = await call(t, { method: 'PATCH', url: `/api/v1/companies/${c.id}/members/${sales.id}`, headers: owner.headers, payload: { role: 'purchaser' } });
    expect(changed.json()).toMatchObject({ role: 'purchaser' });
    const removed = await call(t, { method: 'DELETE', url: `/api/v1/companies/${c.id}/members/${sales.id}`, headers: owner.headers });
    expect(removed.statusCode).toBe(200);
    const after = await call(t, { method: 'GET', url: `/api/v1/companies/${c.id}/members`, headers: sales.headers });
    expect(after.statusCode).toBe(403);
  });

  it('switches the active company only among the companies one belongs to', async () => {
    const u = await registerUser(t);
    const a = await createCompany(t, u);
    const b = await createCompany(t, u, { companyType: 'buyer' });
    const other = await createCompany(t, await registerUser(t));
    const toA = await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: u.headers, payload: { companyId: a.id } });
    expect(toA.json()).toMatchObject({ activeCompanyId: a.id });
    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: u.headers })).json()).toMatchObject({ activeCompanyId: a.id });
    const toOther = await call(t, { method: 'PUT', url: '/api/v1/me/active-company', headers: u.headers, payload: { companyId: other.id } });
    expect(toOther.json()).toMatchObject({ code: 'NOT_A_MEMBER' });
    expect(b.id).not.toBe(a.id);
  });
});
