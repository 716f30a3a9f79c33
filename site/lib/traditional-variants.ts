import * as OpenCC from 'opencc-js'
import { VIOLATION_TYPES } from '../../db/domain/violation-type.ts'

// Simplified → the traditional forms people type: the OpenCC standard, Taiwan and Hong Kong sets.
const toTraditional = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }))

/** Words every search on this site may use, whether or not a record holds them yet. */
const DOMAIN_TERMS =
  '物业服务管理有限责任公司处罚决定书罚款警告红名单黑名单典型案例盘锦兴隆台双台子大洼盘山辽东湾' +
  '住房和城乡建设局业主委员会开发建设单位小区项目违法违规整改挂牌督办信用档案评价等级'

/**
 * The traditional → simplified map the search page carries (NameIndexInfo.t2s): for every
 * character of the texts given (subject names, record titles) and the domain terms above, each
 * traditional form OpenCC knows that differs from it. Built from what can be found, so it stays a
 * few KB instead of the whole dictionary.
 */
export function traditionalToSimplified(texts: Iterable<string>): Record<string, string> {
  const chars = new Set<string>(DOMAIN_TERMS)
  for (const t of texts) for (const ch of t) chars.add(ch)
  for (const v of VIOLATION_TYPES) for (const ch of v.title) chars.add(ch)
  const map: Record<string, string> = {}
  for (const ch of chars) {
    if (!/\p{Script=Han}/u.test(ch)) continue
    for (const convert of toTraditional) {
      const variant = convert(ch)
      if (variant !== ch && [...variant].length === 1) map[variant] = ch
    }
  }
  return map
}
