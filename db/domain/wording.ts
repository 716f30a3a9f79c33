/**
 * How every console form says what is wrong (issue 16, item 8), written once. Each message
 * names its field; an empty field asks for it; a format error says what is expected; a wrong
 * check digit is not "not found"; a record that does not exist or lies outside the person's
 * district answers alike (no leak) and says both possibilities; text refused as personal
 * information quotes what was found, masked.
 */
export const wording = {
  empty: (label: string) => `请填写${label}`,
  choose: (label: string) => `请选择${label}`,
  format: (label: string, expected: string) => `${label}格式不正确：${expected}`,
  checkDigit: (label: string) =>
    `${label}的最后一位（校验位）与前17位不符，请逐位核对是否有输错的字符`,
  notFoundInScope: (label: string, value: string) =>
    `本平台没有${label}为“${value}”的主体，或它不属于您的辖区。请核对；新企业请先在“新增主体”中登记`,
  personalInfo: (label: string, kind: string, masked: string) =>
    `${label}中的“${masked}”疑似${kind}，依法不得公示，请删除或改写`,
} as const

/**
 * What a person typed, masked for quoting back in an error: the first three and last four
 * characters of a long number stay (139****6608), shorter values keep their ends only.
 */
export function maskForMessage(value: string): string {
  const chars = [...value]
  if (chars.length >= 11) return `${chars.slice(0, 3).join('')}****${chars.slice(-4).join('')}`
  if (chars.length >= 4) return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`
  return '*'.repeat(chars.length)
}
