import type { Response } from 'express';
import { sendFromEntry, type Entry } from './read-cache.interceptor';

/** A response double with express's json/send/get/set as far as sendFromEntry uses them. */
function response(): Response & { sent: string[]; jsonCalls: unknown[] } {
  const headers = new Map<string, string>();
  const res = {
    sent: [] as string[],
    jsonCalls: [] as unknown[],
    get: (name: string) => headers.get(name.toLowerCase()),
    set: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    send(text: string) {
      res.sent.push(text);
      return res;
    },
    json(body: unknown) {
      res.jsonCalls.push(body);
      res.send(JSON.stringify(body));
      return res;
    },
  };
  return res as unknown as Response & { sent: string[]; jsonCalls: unknown[] };
}

describe('sendFromEntry (read cache: the JSON text of an entry is made once)', () => {
  it('serialises the entry body once and sends that text on every hit, as JSON', () => {
    const entry: Entry = { version: '7', body: [{ id: 'a', title: { nl: 'Eenzaamheid stijgt' } }], headers: [] };
    const first = response();
    sendFromEntry(first, entry);
    first.json(entry.body);
    expect(first.sent).toEqual([JSON.stringify(entry.body)]);
    expect(first.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(first.jsonCalls).toEqual([]);

    const spy = jest.spyOn(JSON, 'stringify');
    const second = response();
    sendFromEntry(second, entry);
    second.json(entry.body);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(second.sent).toEqual(first.sent);
  });

  it('leaves a body that an outer interceptor rebuilt (scope filter) to express as usual', () => {
    const entry: Entry = { version: '7', body: [{ id: 'a' }, { id: 'b' }], headers: [] };
    const res = response();
    sendFromEntry(res, entry);
    const filtered = [{ id: 'a' }];
    res.json(filtered);
    expect(res.jsonCalls).toEqual([filtered]);
    expect(res.sent).toEqual([JSON.stringify(filtered)]);
    expect(entry.text).toBeUndefined();
  });

  it('keeps a content type the handler set', () => {
    const entry: Entry = { version: '1', body: { a: 1 }, headers: [] };
    const res = response();
    res.set('Content-Type', 'application/geo+json');
    sendFromEntry(res, entry);
    res.json(entry.body);
    expect(res.get('Content-Type')).toBe('application/geo+json');
  });
});
