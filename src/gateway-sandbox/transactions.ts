import fs from 'node:fs';
import { RESPONSE_CODE, TRANSACTION_STATUS, type GatewayResult } from '../platform/payment-gateway/protocol.js';
import type { IpnAnswer } from './ipn.js';

export type Outcome = 'approve' | 'decline';

/** One transaction the sandbox decided (approved or cancelled by the payer). */
export interface SandboxTransaction {
  merchantCode: string;
  txnRef: string;
  transactionNo: string;
  amountVnd: number;
  bankCode: string;
  bankTranNo: string;
  orderInfo: string;
  /** ISO instant. */
  payDate: string;
  responseCode: string;
  transactionStatus: string;
  returnUrl: string;
  /** The merchant's answers to the IPNs sent for this transaction (memory only). */
  ipnAnswers: IpnAnswer[];
}

export const BANK_CODE = 'NCB';

export interface NewTransaction {
  merchantCode: string;
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  returnUrl: string;
  outcome: Outcome;
}

/**
 * Transactions in memory, and appended as JSON lines to the data file when one is given so that the daily
 * file (reconciliation) survives a restart. Transaction numbers are increasing integers, as at the gateway.
 */
export class TransactionStore {
  private readonly transactions: SandboxTransaction[] = [];
  private lastNo = 0;

  constructor(private readonly dataFile: string | undefined) {
    if (dataFile && fs.existsSync(dataFile)) {
      for (const line of fs.readFileSync(dataFile, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const transaction = { ...(JSON.parse(line) as SandboxTransaction), ipnAnswers: [] };
        this.transactions.push(transaction);
        this.lastNo = Math.max(this.lastNo, Number(transaction.transactionNo));
      }
    }
  }

  create(input: NewTransaction, now = new Date()): SandboxTransaction {
    this.lastNo += 1;
    const approved = input.outcome === 'approve';
    const transaction: SandboxTransaction = {
      merchantCode: input.merchantCode,
      txnRef: input.txnRef,
      transactionNo: String(this.lastNo),
      amountVnd: input.amountVnd,
      bankCode: BANK_CODE,
      bankTranNo: `VNP${String(this.lastNo).padStart(8, '0')}`,
      orderInfo: input.orderInfo,
      payDate: now.toISOString(),
      responseCode: approved ? RESPONSE_CODE.approved : RESPONSE_CODE.cancelledByPayer,
      transactionStatus: approved ? TRANSACTION_STATUS.success : TRANSACTION_STATUS.failed,
      returnUrl: input.returnUrl,
      ipnAnswers: [],
    };
    this.transactions.push(transaction);
    if (this.dataFile) {
      const { ipnAnswers: _answers, ...stored } = transaction;
      fs.appendFileSync(this.dataFile, `${JSON.stringify(stored)}\n`);
    }
    return transaction;
  }

  /** The latest transaction for this merchant and reference with that outcome. */
  findLatest(merchantCode: string, txnRef: string, outcome: Outcome): SandboxTransaction | undefined {
    const status = outcome === 'approve' ? TRANSACTION_STATUS.success : TRANSACTION_STATUS.failed;
    return [...this.transactions].reverse().find((t) => t.merchantCode === merchantCode && t.txnRef === txnRef && t.transactionStatus === status);
  }

  all(): readonly SandboxTransaction[] {
    return this.transactions;
  }
}

export function resultOf(transaction: SandboxTransaction): GatewayResult {
  return {
    merchantCode: transaction.merchantCode,
    amountVnd: transaction.amountVnd,
    bankCode: transaction.bankCode,
    bankTranNo: transaction.bankTranNo,
    orderInfo: transaction.orderInfo,
    payDate: new Date(transaction.payDate),
    responseCode: transaction.responseCode,
    transactionNo: transaction.transactionNo,
    transactionStatus: transaction.transactionStatus,
    txnRef: transaction.txnRef,
  };
}
