import { HttpResponse } from 'msw'

/** The HTML page a load balancer returns when the application behind it is down (both providers). */
export function badGatewayPage(): Response {
  return HttpResponse.html(
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n',
    { status: 502 },
  )
}

/** A 200 HTML page where JSON was expected (a captive portal, a login redirect, a maintenance page). */
export function htmlInsteadOfJson(product: string): Response {
  return HttpResponse.html(
    `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${product}</title></head>\n` +
      `<body><h1>We'll be right back</h1><p>${product} is undergoing scheduled maintenance.</p></body>\n</html>\n`,
    { status: 200 },
  )
}
