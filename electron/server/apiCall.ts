/** `POST /api/<key>`: JSON body = the call's arguments, JSON reply = its result or `{error}`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isCallKey } from '../../shared/ipc/contract.js';
import { validateArgs } from '../../shared/ipc/validateArgs.js';
import { callService, errorOutcome, type ContractService } from '../serviceTypes.js';
import { BodyTooLarge, readBody, sendError, sendJson } from './http.js';

export interface ApiCallOptions {
  bodyLimit: number;
  /** Where internal (5xx) failures are reported. */
  logError: (message: string, error: unknown) => void;
}

export async function handleApiCall(
  service: ContractService,
  key: string,
  req: IncomingMessage,
  res: ServerResponse,
  { bodyLimit, logError }: ApiCallOptions,
): Promise<void> {
  if (!isCallKey(key)) return sendError(res, 404, `unknown call "${key}"`);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendError(res, 405, `${key}: use POST`);
  }
  let text: string;
  try {
    text = await readBody(req, bodyLimit);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      // Stop reading the rest of an oversized body: answer, then drop the connection.
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.socket.destroy());
      return sendError(res, 413, e.message);
    }
    if (req.destroyed) return; // the client left: nobody to answer
    throw e;
  }
  let raw: unknown;
  try {
    raw = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (e) {
    return sendError(res, 400, `${key}: the request body is not valid JSON (${(e as Error).message})`);
  }
  try {
    const result = await callService(service, key, validateArgs(key, raw));
    sendJson(res, 200, result);
  } catch (e) {
    const { status, error } = errorOutcome(e);
    if (status >= 500) logError(`provex serve: ${key} failed:`, e);
    sendError(res, status, error);
  }
}
