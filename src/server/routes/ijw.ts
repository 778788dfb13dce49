/**
 * The HTTP side of the iJw exchange: an inbox that takes one message (XML) and answers with
 * the validation report and the prepared return message, the list and detail of messages for
 * the back office, and the outbox a transport collects from. Messages hold personal data:
 * only staff of the municipality or provider that sent or received a message see it (their
 * organisation's code is the message's Afzender or Ontvanger), and every read is audited.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderBeschikkingPdf } from '../../documents/beschikking-pdf.js';
import { FREQUENCIES, UNITS } from '../../domain/catalogue/index.js';
import { readMessage, type Content } from '../../ijw/codec.js';
import { receiveMessage } from '../../ijw/exchange.js';
import { allocateRequest, answerRequest, processIncoming } from '../../ijw/flows.js';
import { askLocalTeam, listTeamQuestions } from '../../ijw/team-questions.js';
import { writeAudit } from '../../store/audit.js';
import { activeOptOut } from '../../store/opt-out.js';
import { z } from '../../validation/zod-nl.js';
import type { AppDeps } from '../app.js';
import { requireUser } from '../app.js';
import { asBodyError } from '../body-errors.js';
import { ApiError } from '../errors.js';
import { questionBody } from './opt-out.js';

const EXCHANGE_ROLES = ['backoffice', 'beheerder', 'planner'];

export const ijwRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    for (const type of ['application/xml', 'text/xml'])
      plugin.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: 20 * 2 ** 20 },
        (_req, body, done) => done(null, body),
      );

    /** The caller's organisation code (AGB or CBS), or a 403. */
    async function exchangeParty(request: Parameters<typeof requireUser>[0]) {
      const ctx = requireUser(request);
      const org = await deps.db
        .selectFrom('organisation')
        .select(['agb_code', 'kind'])
        .where('id', '=', ctx.actor.organisationId)
        .executeTakeFirst();
      const allowed =
        org?.agb_code &&
        ['gemeente', 'aanbieder'].includes(org.kind) &&
        ctx.actor.roles.some((r) => EXCHANGE_ROLES.includes(r));
      if (!allowed)
        throw new ApiError(
          'forbidden',
          'Alleen de backoffice van een gemeente of de planning van een aanbieder werkt met berichten.',
        );
      return { ctx, code: org.agb_code as string, kind: org.kind };
    }

    app.post(
      '/ijw/inbox',
      {
        schema: {
          summary:
            'Eén iJw-bericht ontvangen (XML): valideren, bewaren en het retourbericht klaarzetten',
        },
      },
      async (request, reply) => {
        const { ctx, code } = await exchangeParty(request);
        if (typeof request.body !== 'string' || request.body.trim() === '')
          throw new ApiError('bad-request', 'Stuur het bericht als XML (application/xml).', [
            { path: 'body', message: 'verwacht een XML-bericht' },
          ]);
        const received = await receiveMessage(
          deps.db,
          request.body,
          deps.clock.now(),
          processIncoming,
        );
        await writeAudit(deps.db, ctx, {
          action: 'ijw.ontvangen',
          details: {
            messageId: received.messageId,
            type: received.type,
            accepted: received.accepted,
            receiverMatches: received.report.header?.receiver === code,
          },
        });
        return reply.status(received.accepted ? 200 : 422).send({
          berichtId: received.messageId,
          type: received.type,
          goedgekeurd: received.accepted,
          retourcodes: received.returnCodes,
          problemen: received.report.issues.map((i) => ({
            code: i.code,
            regel: i.line,
            xpath: i.xpath,
            melding: i.message,
          })),
          retourbericht: received.answer
            ? {
                berichtId: received.answer.messageId,
                type: received.answer.type,
                xml: received.answer.xml,
              }
            : null,
        });
      },
    );

    app.get(
      '/ijw/berichten',
      {
        schema: {
          summary: 'Berichten van de eigen organisatie (nieuwste eerst, 50 per pagina)',
          querystring: z.strictObject({
            richting: z.enum(['in', 'uit']).optional(),
            status: z.enum(['verwerkt', 'afgekeurd', 'klaar', 'verstuurd', 'geweigerd']).optional(),
            pagina: z.coerce.number().int().min(1).max(10_000).default(1),
          }),
        },
      },
      async (request) => {
        const { ctx, code } = await exchangeParty(request);
        let query = deps.db
          .selectFrom('ijw_message')
          .select([
            'id',
            'direction',
            'type',
            'sender',
            'receiver',
            'identification',
            'message_date',
            'valid',
            'status',
            'return_codes',
            'answers_id',
            'created_at',
          ])
          .where((eb) => eb.or([eb('sender', '=', code), eb('receiver', '=', code)]));
        if (request.query.richting) query = query.where('direction', '=', request.query.richting);
        if (request.query.status) query = query.where('status', '=', request.query.status);
        const rows = await query
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(50)
          .offset((request.query.pagina - 1) * 50)
          .execute();
        await writeAudit(deps.db, ctx, { action: 'ijw.lijst', details: { ...request.query } });
        return rows.map((r) => ({
          id: r.id,
          richting: r.direction,
          type: r.type,
          afzender: r.sender,
          ontvanger: r.receiver,
          identificatie: r.identification,
          dagtekening: r.message_date,
          goedgekeurd: r.valid,
          status: r.status,
          retourcodes: r.return_codes as string[],
          antwoordOp: r.answers_id,
          op: r.created_at.toISOString(),
        }));
      },
    );

    app.get(
      '/ijw/berichten/:id',
      {
        schema: {
          summary: 'Eén bericht met zijn XML en validatierapport',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request) => {
        const { ctx, code, kind } = await exchangeParty(request);
        const row = /^[0-9a-f-]{36}$/i.test(request.params.id)
          ? await deps.db
              .selectFrom('ijw_message')
              .selectAll()
              .where('id', '=', request.params.id)
              .where((eb) => eb.or([eb('sender', '=', code), eb('receiver', '=', code)]))
              .executeTakeFirst()
          : undefined;
        if (!row) throw new ApiError('not-found', 'Bericht niet gevonden.');
        await writeAudit(deps.db, ctx, {
          action: 'ijw.bericht-lezen',
          details: { messageId: row.id },
        });
        const answers = await deps.db
          .selectFrom('ijw_message')
          .select(['id', 'type', 'status', 'created_at'])
          .where('answers_id', '=', row.id)
          .orderBy('created_at')
          .execute();
        // The back office sees, on a request, whether the family opted out (GRO-TOE-OPTOUT) and
        // what it asked the local team.
        const municipality = kind === 'gemeente' && row.receiver === code;
        const optOut =
          municipality && row.case_id ? await activeOptOut(deps.db, row.case_id) : null;
        const questions = municipality
          ? await listTeamQuestions(
              deps.db,
              { kind: 'gemeente', municipalityCode: code },
              { messageId: row.id },
            )
          : [];
        let content: Content | null = null;
        try {
          content = readMessage(row.xml).content;
        } catch {
          content = null; // not readable as its type: the report says why
        }
        return {
          id: row.id,
          richting: row.direction,
          type: row.type,
          afzender: row.sender,
          ontvanger: row.receiver,
          identificatie: row.identification,
          dagtekening: row.message_date,
          status: row.status,
          goedgekeurd: row.valid,
          retourcodes: row.return_codes as string[],
          casusId: row.case_id,
          rapport: row.report,
          inhoud: content,
          antwoorden: answers.map((a) => ({
            id: a.id,
            type: a.type,
            status: a.status,
            op: a.created_at.toISOString(),
          })),
          xml: row.xml,
          ...(municipality
            ? {
                optOut: optOut
                  ? { ondertekendOp: optOut.signedOn, kenmerk: optOut.reference }
                  : null,
                vragenLokaalTeam: questions.map(questionBody),
              }
            : {}),
        };
      },
    );

    const requireMunicipality = async (request: Parameters<typeof requireUser>[0]) => {
      const party = await exchangeParty(request);
      if (party.ctx.session.organisationKind !== 'gemeente')
        throw new ApiError(
          'forbidden',
          'Alleen de gemeente beslist over een verzoek om toewijzing.',
        );
      return party;
    };

    app.post(
      '/ijw/berichten/:id/lokaal-team',
      {
        schema: {
          summary:
            'Het lokale team om advies vragen over een verzoek om toewijzing: open, of anoniem (verplicht bij opt-out, GRO-TOE-OPTOUT)',
          params: z.object({ id: z.string().max(64) }),
          body: z.strictObject({
            teamId: z.string().max(64),
            vraag: z.string().trim().min(1, { error: 'stel de vraag aan het team' }).max(2000),
            anoniem: z.boolean(),
          }),
        },
      },
      async (request, reply) => {
        const { ctx, code } = await requireMunicipality(request);
        const result = await askLocalTeam(
          deps.db,
          ctx,
          request.params.id,
          code,
          {
            teamId: request.body.teamId,
            question: request.body.vraag,
            anonymous: request.body.anoniem,
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ id: result.id });
      },
    );

    app.post(
      '/ijw/berichten/:id/antwoord',
      {
        schema: {
          summary:
            'Een verzoek om toewijzing beantwoorden: in onderzoek (2) of afgewezen (1, met reden)',
          params: z.object({ id: z.string().max(64) }),
          // The refusal reason is part of the body's shape, so it is checked with the schema
          // (before access), not in the handler between the access checks.
          body: z
            .strictObject({
              antwoord: z.enum(['1', '2']),
              reden: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']).optional(),
            })
            .refine((b) => b.antwoord !== '1' || b.reden !== undefined, {
              path: ['reden'],
              error: 'kies de reden van afwijzing (codelijst WJ759)',
            }),
        },
      },
      async (request, reply) => {
        const { ctx, code } = await requireMunicipality(request);
        const result = await answerRequest(
          deps.db,
          ctx,
          request.params.id,
          code,
          {
            answer: request.body.antwoord,
            ...(request.body.reden ? { reason: request.body.reden } : {}),
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply.status(201).send({ berichtId: result.messageId, type: 'JW319' });
      },
    );

    app.post(
      '/ijw/berichten/:id/toewijzing',
      {
        schema: {
          summary: 'Toewijzen wat de aanbieder vroeg: JW301 naar de aanbieder',
          params: z.object({ id: z.string().max(64) }),
          body: z.strictObject({
            adres: z.strictObject({
              straat: z.string().trim().min(1).max(24),
              huisnummer: z
                .string()
                .trim()
                .regex(/^[1-9][0-9]{0,4}$/, { error: 'alleen cijfers' }),
              postcode: z
                .string()
                .trim()
                .transform((v) => v.replace(/\s+/g, '').toUpperCase())
                .refine((v) => /^[1-9][0-9]{3}[A-Z]{2}$/.test(v), { error: 'bijv. 3431 AB' }),
              plaats: z.string().trim().min(1).max(80),
            }),
            adviesExpertpool: z
              .strictObject({
                datum: z.iso.date(),
                samenvatting: z.string().trim().min(1).max(2000),
              })
              .optional(),
          }),
        },
      },
      async (request, reply) => {
        const { ctx, code } = await requireMunicipality(request);
        const body = request.body;
        const result = await allocateRequest(
          deps.db,
          ctx,
          request.params.id,
          code,
          {
            address: {
              street: body.adres.straat,
              number: body.adres.huisnummer,
              postcode: body.adres.postcode,
              city: body.adres.plaats,
            },
            ...(body.adviesExpertpool
              ? {
                  expertAdvice: {
                    date: body.adviesExpertpool.datum,
                    summary: body.adviesExpertpool.samenvatting,
                  },
                }
              : {}),
          },
          deps.clock.now(),
        ).catch(asBodyError);
        return reply
          .status(201)
          .send({ berichtId: result.messageId, type: 'JW301', toewijzingen: result.numbers });
      },
    );

    app.get(
      '/ijw/uitbak',
      {
        schema: {
          summary:
            'Wat klaarstaat om te versturen, voor het transport van de eigen organisatie (met XML)',
        },
      },
      async (request) => {
        const { ctx, code } = await exchangeParty(request);
        const rows = await deps.db
          .selectFrom('ijw_message')
          .select(['id', 'type', 'receiver', 'identification', 'xml', 'created_at'])
          .where('direction', '=', 'uit')
          .where('status', '=', 'klaar')
          .where('sender', '=', code)
          .orderBy('created_at')
          .limit(500)
          .execute();
        await writeAudit(deps.db, ctx, { action: 'ijw.uitbak', details: { count: rows.length } });
        return rows.map((r) => ({
          id: r.id,
          type: r.type,
          ontvanger: r.receiver,
          identificatie: r.identification,
          xml: r.xml,
        }));
      },
    );

    app.post(
      '/ijw/berichten/:id/verstuurd',
      {
        schema: {
          summary: 'Vastleggen dat een bericht uit de uitbak is verstuurd',
          params: z.object({ id: z.string().max(64) }),
        },
      },
      async (request, reply) => {
        const { ctx, code } = await exchangeParty(request);
        const updated = /^[0-9a-f-]{36}$/i.test(request.params.id)
          ? await deps.db
              .updateTable('ijw_message')
              .set({ status: 'verstuurd', sent_at: deps.clock.now() })
              .where('id', '=', request.params.id)
              .where('direction', '=', 'uit')
              .where('status', '=', 'klaar')
              .where('sender', '=', code)
              .executeTakeFirst()
          : undefined;
        if (!updated || Number(updated.numUpdatedRows) === 0)
          throw new ApiError('not-found', 'Geen bericht van u dat klaarstaat om te versturen.');
        await writeAudit(deps.db, ctx, {
          action: 'ijw.verstuurd',
          details: { messageId: request.params.id },
        });
        return reply.status(204).send();
      },
    );

    app.get(
      '/toewijzingen/:nummer/beschikking',
      {
        schema: {
          summary:
            'De beschikking bij een toewijzing als PDF (GRO-DEC-BESCHIKKING: bij onenigheid, pgb of op verzoek)',
          params: z.object({
            nummer: z.string().regex(/^\d{1,9}$/, { error: 'een toewijzingsnummer' }),
          }),
          querystring: z.strictObject({ reden: z.enum(['oneens', 'pgb', 'verzoek']) }),
        },
      },
      async (request, reply) => {
        const { ctx } = await requireMunicipality(request);
        const region = ctx.session.region;
        const found = await deps.db
          .selectFrom('allocation')
          .innerJoin('organisation', 'organisation.id', 'allocation.provider_id')
          .select([
            'allocation.case_id',
            'allocation.number',
            'allocation.product_code',
            'allocation.start_date',
            'allocation.end_date',
            'organisation.name as provider',
          ])
          .where('allocation.region', '=', region)
          .where('allocation.number', '=', request.params.nummer)
          .executeTakeFirst();
        if (!found) throw new ApiError('not-found', 'Toewijzing niet gevonden.');
        const product = await deps.db
          .selectFrom('product')
          .select('name')
          .where('region', '=', region)
          .where('code', '=', found.product_code)
          .executeTakeFirst();
        const persons = await deps.db
          .selectFrom('person')
          .innerJoin('casus', 'casus.household_id', 'person.household_id')
          .select(['person.name', 'person.kind', 'person.birth_date', 'person.bsn'])
          .where('casus.id', '=', found.case_id)
          .orderBy('person.created_at')
          .execute();
        // The allocation message says for whom and how much.
        const sent = await deps.db
          .selectFrom('ijw_message')
          .select('xml')
          .where('case_id', '=', found.case_id)
          .where('type', '=', 'JW301')
          .where('direction', '=', 'uit')
          .execute();
        let extent = 'zoals in de toewijzing';
        let bsn = '';
        for (const m of sent) {
          const client = readMessage(m.xml).content['Client'] as Content;
          const lines = ((client['ToegewezenProducten'] as Content)['ToegewezenProduct'] ??
            []) as Content[];
          const line = lines.find((l) => l['ToewijzingNummer'] === found.number);
          if (!line) continue;
          bsn = String(client['Bsn']);
          const omvang = line['Omvang'] as Content | undefined;
          if (omvang)
            extent = `${String(omvang['Volume'])} × ${(UNITS[String(omvang['Eenheid'])] ?? '').toLowerCase()}, ${(FREQUENCIES[String(omvang['Frequentie'])] ?? '').toLowerCase()}`;
        }
        const children = persons.filter((p) => p.kind === 'jeugdige');
        const child = children.find((p) => p.bsn === bsn) ?? children[0];
        const pdf = await renderBeschikkingPdf({
          municipality: ctx.session.organisationName,
          region,
          reference: found.number,
          date: deps.clock.now(),
          child: { name: child?.name ?? '', birthDate: child?.birth_date ?? null },
          addressees: persons.filter((p) => p.kind !== 'jeugdige').map((p) => p.name),
          reason: request.query.reden,
          provider: found.provider,
          products: [
            {
              number: found.number,
              code: found.product_code,
              name: product?.name ?? found.product_code,
              start: found.start_date,
              end: found.end_date,
              extent,
            },
          ],
        });
        await writeAudit(deps.db, ctx, {
          action: 'beschikking.maken',
          caseId: found.case_id,
          details: { allocation: found.number, reason: request.query.reden },
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="beschikking-${found.number}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
