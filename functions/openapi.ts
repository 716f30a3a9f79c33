import { z } from 'zod'
import { CreditFile } from '../db/domain/credit-file.ts'
import { CreditListEntry } from '../db/domain/credit-list.ts'
import { Penalty } from '../db/domain/penalty.ts'
import { SubjectSummary } from '../db/domain/subject.ts'
import { TypicalCase } from '../db/domain/typical-case.ts'

/** Component schemas come from the same zod contracts the code uses, so the document cannot drift. */
const schema = (s: z.ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' })

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (s: object) => ({ 'application/json': { schema: s } })
const page = (item: string) => ({
  type: 'object',
  required: ['asOf', 'page', 'limit', 'total', 'items'],
  properties: {
    asOf: { type: 'string', format: 'date' },
    page: { type: 'integer' },
    limit: { type: 'integer' },
    total: { type: 'integer' },
    items: { type: 'array', items: ref(item) },
  },
})
const paging = [
  {
    name: 'page',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
  },
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
]
const idParam = (type: 'string' | 'integer', description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type },
})
const errors = {
  '400': { description: '参数格式不正确', content: json(ref('Error')) },
  '404': { description: '不存在或未在公示期内', content: json(ref('Error')) },
  '422': { description: '参数不符合要求', content: json(ref('Error')) },
}
const ok = (description: string, s: object) => ({
  '200': { description, content: json(s) },
  ...errors,
})

/** GET /api/v1/openapi.json — the public read API (OpenAPI 3.1). */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: '物业信用公示平台 公开数据接口',
      version: '1.0.0',
      description:
        '公示期内的主体、诚信档案、行政处罚、红黑名单和典型案例。只含公开信息；已期满、已修复或已撤回的信息不在列表中。',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/public/subjects': {
        get: {
          summary: '主体列表',
          parameters: [
            ...paging,
            { name: 'district', in: 'query', schema: { type: 'string', pattern: '^\\d{6}$' } },
            {
              name: 'kind',
              in: 'query',
              schema: {
                type: 'string',
                enum: ['property_company', 'developer', 'owners_committee'],
              },
            },
            {
              name: 'list',
              in: 'query',
              schema: { type: 'string', enum: ['none', 'red', 'black'] },
            },
            {
              name: 'grade',
              in: 'query',
              schema: { type: 'string', enum: ['AAA', 'AA', 'A', 'B', 'C'] },
            },
          ],
          responses: ok('主体', page('SubjectSummary')),
        },
      },
      '/api/v1/public/subjects/{id}': {
        get: {
          summary: '诚信档案（可按日期查询当日公示的内容）',
          parameters: [
            idParam('string', '统一社会信用代码或平台编号'),
            {
              name: 'asOf',
              in: 'query',
              description: 'YYYY-MM-DD，默认今天',
              schema: { type: 'string', format: 'date' },
            },
          ],
          responses: ok('诚信档案', {
            type: 'object',
            required: ['asOf', 'creditFile'],
            properties: { asOf: { type: 'string', format: 'date' }, creditFile: ref('CreditFile') },
          }),
        },
      },
      '/api/v1/public/penalties': {
        get: {
          summary: '公示期内的行政处罚',
          parameters: [...paging, { name: 'subject', in: 'query', schema: { type: 'string' } }],
          responses: ok('行政处罚', page('Penalty')),
        },
      },
      '/api/v1/public/penalties/{id}': {
        get: {
          summary: '行政处罚决定（或撤回、期满、修复后的说明）',
          parameters: [idParam('integer', '处罚编号')],
          responses: ok('行政处罚', {
            type: 'object',
            required: ['asOf', 'penalty'],
            properties: { asOf: { type: 'string' }, penalty: { type: 'object' } },
          }),
        },
      },
      '/api/v1/public/lists/{list}': {
        get: {
          summary: '红名单或黑名单',
          parameters: [
            {
              name: 'list',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: ['red', 'black'] },
            },
            ...paging,
          ],
          responses: ok('名单条目', page('CreditListEntry')),
        },
      },
      '/api/v1/public/cases': {
        get: {
          summary: '典型案例',
          parameters: paging,
          responses: ok('典型案例', page('TypicalCase')),
        },
      },
      '/api/v1/public/campaign': {
        get: {
          summary: '专项整治进展：工作步骤、各县区排查整治统计、观摩项目',
          responses: ok('专项整治', {
            type: 'object',
            required: ['asOf', 'campaign'],
            properties: { asOf: { type: 'string' }, campaign: { type: 'object' } },
          }),
        },
      },
      '/api/v1/public/cases/{id}': {
        get: {
          summary: '典型案例详情',
          parameters: [idParam('integer', '案例编号')],
          responses: ok('典型案例', {
            type: 'object',
            required: ['asOf', 'case'],
            properties: { asOf: { type: 'string' }, case: { type: 'object' } },
          }),
        },
      },
    },
    components: {
      schemas: {
        SubjectSummary: schema(SubjectSummary),
        CreditFile: schema(CreditFile),
        Penalty: schema(Penalty),
        CreditListEntry: schema(CreditListEntry),
        TypicalCase: schema(TypicalCase),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: '稳定的英文错误码' },
                message: { type: 'string', description: '中文说明' },
                fields: { type: 'array', items: { type: 'object' } },
                requestId: { type: ['string', 'null'] },
              },
            },
          },
        },
      },
    },
  }
}
