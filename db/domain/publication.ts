import { z } from 'zod'

/**
 * Publication status of every public record. Published rows are never deleted: a changed or
 * revoked decision becomes `withdrawn` (撤回) and keeps its URL with the published reason.
 */
export const PUBLICATION_STATUSES = ['draft', 'submitted', 'published', 'withdrawn'] as const
export const PublicationStatus = z.enum(PUBLICATION_STATUSES)
export type PublicationStatus = z.infer<typeof PublicationStatus>
