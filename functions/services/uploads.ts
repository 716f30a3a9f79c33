import { PHOTO_LIMIT } from '../../db/domain/complaint.ts'
import { ValidationError, type Issue } from '../../db/domain/errors.ts'
import { ImageRefusedError, sniffImage, stripMetadata } from './image-metadata.ts'

export type UploadType = 'image/jpeg' | 'image/png' | 'application/pdf'

/**
 * Files the public sends (issue 17): photos with a complaint (JPEG/PNG), documents with an
 * objection (PDF too). Each is typed by its bytes, never its name or header; images lose their
 * metadata; a PDF that carries script, launches programs or embeds files is refused. At most 3
 * files of 5 MB; each problem names the file by its place.
 */
export function cleanUploads(
  files: Uint8Array[],
  kind: 'photo' | 'document',
  /** How many files the form takes: 3 photos or documents; a repair application one per material. */
  max: number = PHOTO_LIMIT.count
): { type: UploadType; bytes: Uint8Array }[] {
  const [noun, unit] = kind === 'photo' ? ['照片', '张'] : ['材料', '份']
  const field = kind === 'photo' ? 'photos' : 'documents'
  const issues: Issue[] = []
  if (files.length > max)
    issues.push({ field, code: 'too_many', message: `最多上传${max}${unit}${noun}` })
  const out: { type: UploadType; bytes: Uint8Array }[] = []
  files.forEach((bytes, i) => {
    const which = `第${i + 1}${unit}${noun}`
    if (bytes.length > PHOTO_LIMIT.bytes) {
      issues.push({ field, code: 'too_large', message: `${which}超过5MB，请压缩后再传` })
      return
    }
    const image = sniffImage(bytes)
    const pdf = kind === 'document' && isPdf(bytes)
    if (!image && !pdf) {
      const allowed = kind === 'photo' ? 'JPEG或PNG图片' : 'PDF文件或JPEG、PNG图片'
      issues.push({
        field,
        code: 'type',
        message: `${which}不是${allowed}（按文件内容判断，与文件名无关）`,
      })
      return
    }
    try {
      if (image) out.push({ type: image, bytes: stripMetadata(bytes, image) })
      else out.push({ type: 'application/pdf', bytes: checkPdf(bytes) })
    } catch (err) {
      if (!(err instanceof ImageRefusedError)) throw err
      issues.push({ field, code: 'refused', message: `${which}不能接受：${err.message}` })
    }
  })
  if (issues.length) throw new ValidationError(issues)
  return out
}

const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b)
const isPdf = (b: Uint8Array) => latin1(b.subarray(0, 5)) === '%PDF-'

/** PDF actions that run code or open other files, and HTML smuggled into one. */
const PDF_HOSTILE = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b|<script|<html/i

function checkPdf(b: Uint8Array): Uint8Array {
  const text = latin1(b)
  if (!/%%EOF\s*$/.test(text.slice(-1024))) throw new ImageRefusedError('PDF 文件不完整')
  if (PDF_HOSTILE.test(text)) throw new ImageRefusedError('PDF 中含有脚本、附件或可执行的动作')
  return b
}
