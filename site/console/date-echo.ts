import { formatChineseDate } from '../../db/domain/dates.ts'

/**
 * A date field shows its date in the browser's own format (月/日/年 in an English browser), so
 * each one repeats the chosen date in 年月日 beneath it (issue 16, item 11): what the clerk reads
 * back is what the public page will print.
 */
export function echoDatesInChinese(root: ParentNode = document) {
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type=date]')) {
    const echo = document.createElement('p')
    echo.className = 'app-hint app-date-echo'
    echo.id = `${input.id}-echo`
    echo.setAttribute('aria-live', 'polite')
    input.after(echo)
    const described = input.getAttribute('aria-describedby')
    input.setAttribute('aria-describedby', described ? `${described} ${echo.id}` : echo.id)
    const show = () => {
      echo.textContent = /^\d{4}-\d{2}-\d{2}$/.test(input.value)
        ? `即${formatChineseDate(input.value)}`
        : ''
    }
    input.addEventListener('input', show)
    input.addEventListener('change', show)
    show()
  }
}
