import { describe, expect, it } from 'vitest'
import { CREDIT_LISTS } from './credit-list.ts'
import * as labels from './labels.ts'
import { PENALTY_CATEGORIES } from './penalty.ts'
import { PUBLICATION_STATUSES } from './publication.ts'
import { SEVERITIES } from './severity.ts'
import { SUBJECT_KINDS } from './subject-kind.ts'

describe('labels', () => {
  it('gives every enum value a Chinese label', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [SUBJECT_KINDS, labels.subjectKindLabel],
      [CREDIT_LISTS, labels.creditListLabel],
      [SEVERITIES, labels.severityLabel],
      [PUBLICATION_STATUSES, labels.publicationStatusLabel],
      [PENALTY_CATEGORIES, labels.penaltyCategoryLabel],
    ]
    for (const [values, map] of pairs)
      for (const v of values) expect(map[v], v).toMatch(/[\u4e00-\u9fff]/)
  })
})
