/** Server-rendered Vietnamese pages of the sandbox gateway: no script, no external assets. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** `10.000 ₫` — Vietnamese grouping with dots, whole đồng. */
export function formatVnd(amountVnd: number): string {
  return `${String(amountVnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f2f5f9;color:#1f2933}
  header{background:#005baa;color:#fff;padding:14px 24px;font-weight:600;font-size:18px}
  header small{display:block;font-weight:400;font-size:13px;opacity:.85}
  main{max-width:560px;margin:32px auto;padding:0 16px}
  .card{background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12);padding:24px}
  h1{font-size:20px;margin:0 0 16px}
  dl{display:grid;grid-template-columns:max-content 1fr;gap:8px 16px;margin:0 0 20px}
  dt{color:#52606d}dd{margin:0;font-weight:500;word-break:break-word}
  .amount{font-size:24px;font-weight:700;color:#c81e1e}
  label{display:block;margin-bottom:6px;color:#52606d}
  select{width:100%;padding:8px;border:1px solid #cbd2d9;border-radius:6px;font-size:15px;margin-bottom:20px}
  .actions{display:flex;gap:12px}
  button{flex:1;padding:12px;border-radius:6px;font-size:16px;cursor:pointer;border:1px solid #005baa}
  .pay{background:#005baa;color:#fff}.cancel{background:#fff;color:#005baa}
  .notice{background:#fff8e1;border:1px solid #f0c36d;border-radius:6px;padding:10px 12px;font-size:14px;margin-bottom:16px}
  .error{border-left:4px solid #c81e1e}
  ul{padding-left:20px}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<header>Cổng thanh toán thử nghiệm<small>Sandbox payment gateway — không có tiền thật được chuyển (no real money moves)</small></header>
<main>${body}</main>
</body>
</html>`;
}

export interface PaymentPageModel {
  merchantCode: string;
  txnRef: string;
  orderInfo: string;
  amountVnd: number;
  expiresAt: string;
  /** The original signed query, posted back with the decision and checked again. */
  query: string;
}

export const SCENARIOS = {
  ipn_first: 'Gửi IPN trước, rồi chuyển về trang kết quả (IPN then redirect)',
  redirect_first: 'Chuyển về trước, gửi IPN sau 1 giây (redirect, IPN 1 s later)',
  no_ipn: 'Không gửi IPN — mô phỏng mất thông báo (lost callback)',
  ipn_twice: 'Gửi IPN hai lần (IPN twice)',
} as const;
export type Scenario = keyof typeof SCENARIOS;

export function paymentPage(model: PaymentPageModel): string {
  const options = Object.entries(SCENARIOS)
    .map(([value, label]) => `<option value="${value}"${value === 'ipn_first' ? ' selected' : ''}>${escapeHtml(label)}</option>`)
    .join('');
  return layout(
    'Thanh toán lệ phí — Cổng thanh toán thử nghiệm',
    `<div class="card">
  <h1>Thông tin thanh toán</h1>
  <dl>
    <dt>Đơn vị chấp nhận</dt><dd>${escapeHtml(model.merchantCode)}</dd>
    <dt>Mã giao dịch</dt><dd>${escapeHtml(model.txnRef)}</dd>
    <dt>Nội dung</dt><dd>${escapeHtml(model.orderInfo)}</dd>
    <dt>Số tiền</dt><dd class="amount">${escapeHtml(formatVnd(model.amountVnd))}</dd>
    <dt>Hết hạn lúc</dt><dd>${escapeHtml(model.expiresAt)}</dd>
  </dl>
  <form method="post" action="/pay/decide">
    <input type="hidden" name="query" value="${escapeHtml(model.query)}">
    <label for="scenario">Kịch bản thử nghiệm</label>
    <select id="scenario" name="scenario">${options}</select>
    <div class="actions">
      <button class="pay" type="submit" name="outcome" value="approve">Thanh toán</button>
      <button class="cancel" type="submit" name="outcome" value="decline">Hủy giao dịch</button>
    </div>
  </form>
</div>`,
  );
}

export function errorPage(problems: readonly string[]): string {
  return layout(
    'Yêu cầu thanh toán không hợp lệ',
    `<div class="card error">
  <h1>Yêu cầu thanh toán không hợp lệ</h1>
  <p>Invalid payment request:</p>
  <ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>
</div>`,
  );
}
