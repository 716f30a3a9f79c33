import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { totpCode } from '../../functions/auth/totp.ts'
import type { E2eAccount } from '../../scripts/ready-accounts.ts'
import { jpegWithGps } from '../fixtures/gps-photo.ts'
import { solvedAltcha } from '../../scripts/solve-altcha.ts'

/** One runtime serving the API: its address, its accounts, and its database files on disk. */
export type Runtime = {
  baseUrl: string
  accounts: E2eAccount[]
  databaseFiles: () => string[]
}

const PHONE = '13912346608'
const pdf = () => new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'])

/**
 * The contract of issue 17's three public channels, spoken over HTTP only, so that the same
 * steps run against the Node server and against the Worker in workerd over sqld: a complaint
 * (JSON, then multipart with a GPS-tagged photo) through a district's hands to a tracked reply;
 * an objection with a document answered with a reasoned reply; an online repair application with
 * its materials. Proof of work, replay, wrong codes, district scope and the download headers are
 * checked on the way, and finally the raw database files for the phone number and the GPS text.
 */
export async function checkPublicChannels(rt: Runtime) {
  const api = (path: string) => `${rt.baseUrl}/api/v1${path}`
  const get = (path: string, headers: Record<string, string> = {}) => fetch(api(path), { headers })
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(api(path), {
      method: 'POST',
      headers: {
        Origin: rt.baseUrl,
        ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body instanceof FormData ? body : JSON.stringify(body),
    })
  const solved = () => solvedAltcha(() => get('/public/challenge'))
  const form = (fields: Record<string, string>) => {
    const f = new FormData()
    for (const [k, v] of Object.entries(fields)) f.append(k, v)
    return f
  }
  const logIn = async (username: string) => {
    const a = rt.accounts.find((x) => x.username === username)!
    const res = await post('/auth/login', {
      username,
      password: a.password,
      totp: totpCode(a.secret, Date.now()),
    })
    expect(res.status, `login ${username}: ${await res.clone().text()}`).toBe(200)
    return { Cookie: res.headers.get('set-cookie')!.split(';')[0]! }
  }
  const track = async (receiptNo: string, code: string) =>
    get(`/public/submissions/${receiptNo}?code=${encodeURIComponent(code)}`)

  // 1. 投诉举报 as JSON: nothing without a solution, a receipt with one, a replay refused.
  const complaint = {
    districtCode: '211103',
    projectName: '兴隆家园',
    category: 'property_company.4',
    description: '电梯停运三天，报修无人处理。',
    contactName: '王女士',
    contactPhone: `139 1234 ${PHONE.slice(-4)}`,
    consent: true,
  }
  expect((await post('/public/complaints', complaint)).status).toBe(422)
  const altcha = await solved()
  const first = await post('/public/complaints', { ...complaint, altcha })
  expect(first.status).toBe(201)
  const c1 = (await first.json()) as { receiptNo: string; accessCode: string }
  expect(c1.receiptNo).toMatch(/^TS\d{8}-\d{6}$/)
  expect((await post('/public/complaints', { ...complaint, altcha })).status).toBe(409)
  const tracked = await track(c1.receiptNo, c1.accessCode)
  expect(await tracked.json()).toMatchObject({ status: 'submitted', statusLabel: '已提交' })
  const wrong = await track(c1.receiptNo, 'AAAA-AAAA-AAAA-AAAA')
  const unknown = await track('TS20261127-000000', c1.accessCode)
  expect([wrong.status, unknown.status]).toEqual([404, 404])
  expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message)

  // 2. The same with a phone's photo, sent as multipart.
  const withPhoto = form({
    ...complaint,
    consent: 'true',
    description: '楼道照明损坏一个月无人维修。',
    altcha: await solved(),
  })
  withPhoto.append('photos', new Blob([jpegWithGps()], { type: 'image/jpeg' }), 'IMG_0001.jpg')
  const second = await post('/public/complaints', withPhoto)
  expect(second.status, await second.clone().text()).toBe(201)
  const c2 = (await second.json()) as { receiptNo: string; accessCode: string }

  // 3. The district's staff: the queue, the contact on request, the photo as a download.
  const editor = await logIn('editor-api')
  const reviewer = await logIn('reviewer-api')
  const dawa = await logIn('editor-api-dw')
  const queue = (await (await get('/complaints', editor)).json()).complaints as {
    id: number
    receiptNo: string
  }[]
  const [id1, id2] = [c1, c2].map((c) => queue.find((q) => q.receiptNo === c.receiptNo)!.id)
  expect((await get(`/complaints/${id1}`, dawa)).status).toBe(404)
  const detail = await (await get(`/complaints/${id2}`, editor)).json()
  expect(JSON.stringify(detail)).not.toContain(PHONE)
  const contact = await (await get(`/complaints/${id2}/contact`, editor)).json()
  expect(contact.contact.phone).toBe(PHONE)
  const photoId = detail.complaint.photos[0].id
  const photo = await get(`/complaints/${id2}/photos/${photoId}`, editor)
  expect(photo.status).toBe(200)
  expect(photo.headers.get('content-type')).toBe('image/jpeg')
  expect(photo.headers.get('content-disposition')).toMatch(/^attachment/)
  expect(photo.headers.get('x-content-type-options')).toBe('nosniff')
  expect(photo.headers.get('content-security-policy')).toMatch(/sandbox/)
  const bytes = Buffer.from(await photo.arrayBuffer())
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
  expect(bytes.toString('latin1')).not.toContain('GPS')

  // 4. Accepted, answered, approved by a second person, closed; the complainant reads the reply.
  expect((await post(`/complaints/${id1}/accept`, {}, editor)).status).toBe(200)
  const reply = '经查，电梯已于11月28日修复，已责令物业公司建立24小时报修响应制度。'
  expect((await post(`/complaints/${id1}/reply`, { reply }, editor)).status).toBe(200)
  expect((await post(`/complaints/${id1}/approve-reply`, {}, reviewer)).status).toBe(200)
  expect((await post(`/complaints/${id1}/close`, { substantiated: true }, editor)).status).toBe(200)
  const closed = await (await track(c1.receiptNo, c1.accessCode)).json()
  expect(closed).toMatchObject({ statusLabel: '已办结', reply })
  expect(JSON.stringify(closed)).not.toContain(PHONE)

  // 5. 异议申诉 on a published penalty of the district, with a document; a reasoned reply.
  const penalties = (await (await get('/public/penalties?limit=100')).json()).items as {
    id: number
    districtCode: string
    subjectId: string
  }[]
  const ours = penalties.filter((p) => p.districtCode === '211103')
  expect(ours.length, `districts: ${penalties.map((p) => p.districtCode)}`).toBeGreaterThan(0)
  const target = await get(`/public/objection-target?record=penalty:${ours[0]!.id}`)
  expect(target.status).toBe(200)
  const objection = form({
    record: `penalty:${ours[0]!.id}`,
    objectorRole: 'subject',
    reason: '处罚决定书已于11月20日被复议机关撤销，请撤回公示。',
    contactName: '李经理',
    contactPhone: PHONE,
    consent: 'true',
    altcha: await solved(),
  })
  objection.append('documents', pdf(), '复议决定书.pdf')
  const o = await post('/public/objections', objection)
  expect(o.status, await o.clone().text()).toBe(201)
  const o1 = (await o.json()) as { receiptNo: string; accessCode: string }
  const objections = (await (await get('/objections', editor)).json()).objections as {
    id: number
    receiptNo: string
  }[]
  const oid = objections.find((x) => x.receiptNo === o1.receiptNo)!.id
  expect((await get(`/objections/${oid}`, dawa)).status).toBe(404)
  const odetail = await (await get(`/objections/${oid}`, editor)).json()
  const doc = await get(`/objections/${oid}/documents/${odetail.objection.documents[0].id}`, editor)
  expect(doc.headers.get('content-type')).toBe('application/pdf')
  expect(doc.headers.get('content-disposition')).toMatch(/^attachment/)
  expect((await post(`/objections/${oid}/accept`, {}, editor)).status).toBe(200)
  const answer = '经核查，复议决定维持原处罚决定，异议不成立。'
  expect((await post(`/objections/${oid}/reply`, { reply: answer }, editor)).status).toBe(200)
  expect((await post(`/objections/${oid}/approve-reply`, {}, reviewer)).status).toBe(200)
  expect(await (await track(o1.receiptNo, o1.accessCode)).json()).toMatchObject({ reply: answer })

  // 6. 信用修复申请 on a penalty whose minimum period has passed, with every material.
  let repairable: (typeof penalties)[number] | undefined
  for (const p of penalties)
    if ((await get(`/public/repair-target?record=penalty:${p.id}`)).status === 200) {
      repairable = p
      break
    }
  expect(repairable, 'a penalty past its minimum publicity period').toBeDefined()
  const application = form({
    record: `penalty:${repairable!.id}`,
    applicantRole: 'legal_representative',
    applicantName: '张经理',
    uscc: repairable!.subjectId,
    contactPhone: PHONE,
    commitment: 'true',
    consent: 'true',
    altcha: await solved(),
  })
  for (const m of ['commitment', 'licence', 'performance', 'repair_form'])
    application.append(`material-${m}`, pdf(), `${m}.pdf`)
  const r = await post('/public/repair-applications', application)
  expect(r.status, await r.clone().text()).toBe(201)
  const r1 = (await r.json()) as { receiptNo: string; accessCode: string }
  expect(r1.receiptNo).toMatch(/^XF\d{8}-\d{6}$/)
  // It is the repair request the console reviews from the start.
  expect((await (await track(r1.receiptNo, r1.accessCode)).json()).statusLabel).toBe('审核中')

  // 7. What a stolen disk would hold: neither the phone number nor where the photo was taken.
  const files = rt.databaseFiles()
  expect(files.length).toBeGreaterThan(0)
  for (const f of files) {
    const raw = readFileSync(f).toString('latin1')
    expect(raw, f).not.toContain(PHONE)
    expect(raw, f).not.toContain('GPSLatitude')
  }
}
