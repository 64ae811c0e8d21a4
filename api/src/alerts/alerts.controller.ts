import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtension, ApiNoContentResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { CountResponse, CreatedWebhookResponse, DeliveryResponse, OwnerResponse, PersonResponse, SubscriptionResponse, TickResultResponse, WebhookResponse } from '../openapi/responses';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Public, type Principal } from '../common/principal';
import { Can } from '../policy/capabilities';
import { InvalidInputError } from '../common/errors';
import { pageRequest, setNextLink, toPage } from '../common/paging';
import { AlertsRepository } from './alerts.repository';
import { AlertsService, type TickResult } from './alerts.service';
import { AlertsRunDto, DeliveriesQueryDto, OwnerDto, SubscriptionDto, UnsubscribeQueryDto, WebhookDto } from './alerts.dto';

@Controller('v1')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly repo: AlertsRepository,
  ) {}

  @Get('me/subscriptions')
  @ApiOkResponse({ type: SubscriptionResponse })
  mySubscription(@CurrentPrincipal() p: Principal): Promise<unknown> {
    if (p.kind !== 'user' || !p.role) throw new InvalidInputError('only users have subscriptions', [{ field: 'user', message: 'user only' }]);
    return this.alerts.subscriptionOf(p.id, p.role);
  }

  @Put('me/subscriptions')
  @ApiOkResponse({ type: SubscriptionResponse })
  saveSubscription(@Body() body: SubscriptionDto, @CurrentPrincipal() p: Principal): Promise<unknown> {
    return this.alerts.saveSubscription(p, body);
  }

  /** New signals matching my subscription since I last opened the inbox (the badge). */
  @Get('me/alerts/unread')
  @ApiOkResponse({ type: CountResponse })
  unread(@CurrentPrincipal() p: Principal): Promise<{ count: number }> {
    return this.alerts.unread(p);
  }

  @Post('me/alerts/seen')
  @HttpCode(204)
  @ApiExtension('x-no-body', true)
  @ApiNoContentResponse({ description: 'done; no body' })
  seen(@CurrentPrincipal() p: Principal): Promise<void> {
    return this.alerts.markSeen(p);
  }

  /** Ids of the signals I own ("Mijn signalen" in the inbox). */
  @Get('me/owned-signals')
  @ApiOkResponse({ description: 'signal ids', schema: { type: 'array', items: { type: 'string' } } })
  owned(@CurrentPrincipal() p: Principal): Promise<string[]> {
    return p.kind === 'user' ? this.repo.ownedSignalIds(p.id) : Promise.resolve([]);
  }

  /** People a signal can be assigned to. */
  @Get('signal-owners')
  @Can('signals.assign')
  @ApiOkResponse({ type: [PersonResponse] })
  candidates(): Promise<unknown[]> {
    return this.repo.ownerCandidates();
  }

  @Get('signals/:id/owner')
  @ApiOkResponse({ type: OwnerResponse })
  async owner(@Param('id') id: string): Promise<unknown> {
    const r = await this.repo.signalOwner(id).catch(() => null);
    return { owner: r?.owner ?? null };
  }

  @Put('signals/:id/owner')
  @Can('signals.assign')
  @ApiOkResponse({ type: OwnerResponse })
  setOwner(@Param('id') id: string, @Body() body: OwnerDto, @CurrentPrincipal() p: Principal): Promise<unknown> {
    return this.alerts.setOwner(p, id, body);
  }

  @Get('webhooks')
  @Can('alerts.manage')
  @ApiOkResponse({ type: [WebhookResponse] })
  webhooks(): Promise<unknown[]> {
    return this.alerts.listWebhooks();
  }

  @Post('webhooks')
  @Can('alerts.manage')
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  createWebhook(@Body() body: WebhookDto, @CurrentPrincipal() p: Principal): Promise<{ id: string; secret: string }> {
    return this.alerts.createWebhook(p, body);
  }

  @Delete('webhooks/:id')
  @Can('alerts.manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'done; no body' })
  deleteWebhook(@Param('id') id: string, @CurrentPrincipal() p: Principal): Promise<void> {
    return this.alerts.deleteWebhook(p, id);
  }

  /** The delivery log, newest first; paged with limit/cursor and a Link header. Mails in the outbox carry their text. */
  @Get('deliveries')
  @Can('alerts.manage')
  @ApiOkResponse({ type: [DeliveryResponse] })
  async deliveries(@Query() q: DeliveriesQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<unknown[]> {
    const page = pageRequest(q, 50);
    const rows = await this.repo.deliveries(page.limit, page.after);
    const p = toPage(rows, page.limit, (r) => [r.id]);
    setNextLink(req, res, p.next);
    return p.items.map((r) => ({
      id: r.id, key: r.delivery_key, channel: r.channel, kind: r.kind, recipient: r.recipient, signalIds: r.signal_ids, subject: r.subject,
      text: r.body_text, status: r.status, attempts: r.attempts, lastError: r.last_error,
      errorCode: r.last_error_code, errorParams: r.last_error_params, createdAt: r.created_at, sentAt: r.sent_at,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    }));
  }

  /** Plans and sends now (admin); `at` plans digests as if it were that moment (e.g. to send last week's digest in a demo). */
  @Post('alerts/run')
  @Can('alerts.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: TickResultResponse })
  run(@Body() body: AlertsRunDto): Promise<TickResult> {
    return this.alerts.tick(body.at !== undefined ? new Date(body.at) : new Date());
  }

  /** Works without login: the signed token in the mail names the user. */
  @Get('unsubscribe')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'a page saying the user is unsubscribed (400: the link is not valid)', content: { 'text/html': { schema: { type: 'string' } } } })
  async unsubscribe(@Query() { token }: UnsubscribeQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const ok = typeof token === 'string' && (await this.alerts.unsubscribe(token));
    if (!ok) res.status(400);
    const msg = ok
      ? [
          'Afgemeld',
          'U ontvangt geen meldingen en overzichten meer van Wijksignaal. Herinneringen over signalen en besluiten die aan u zijn toegewezen blijven komen zolang u er eigenaar van bent. U kunt meldingen altijd weer aanzetten op de pagina Meldingen.',
          'You will no longer receive Wijksignaal alerts and digests. Reminders about signals and decisions assigned to you continue while you own them.',
        ]
      : ['Link ongeldig', 'Deze afmeldlink is ongeldig of beschadigd.', 'This unsubscribe link is not valid.'];
    return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${msg[0]} — Wijksignaal</title></head><body style="font-family:Arial,sans-serif"><main><h1>${msg[0]}</h1><p>${msg[1]}</p><p lang="en">${msg[2]}</p><p><a href="/meldingen">Meldingen</a></p></main></body></html>`;
  }
}
