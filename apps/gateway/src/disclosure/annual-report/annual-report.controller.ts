import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type StaffActor, TABLE2_CELLS, NARRATIVE_SECTIONS, REMEDY_KINDS } from '../../../../../libs/domain/src';
import { CurrentActor, Staff, StaffGuard } from '../../common/staff.guard';
import { AnnualReportHandler, REPORT_STEPS, type ReportView } from './annual-report.handler';

const OPEN_BODY = {
  type: 'object',
  required: ['year'],
  properties: {
    unit: { type: 'string', description: 'Default: the actor’s unit.' },
    year: { type: 'integer', example: 2026 },
    officeKind: { type: 'string', enum: ['department', 'government_office'], default: 'department' },
  },
};
const STEP_BODY = {
  type: 'object',
  description:
    '`edit`: `table2` (numbers ≥ 0 by cell) and `narrative` (texts by section); `review`: `approved` and an optional `note`; `submit` and `publish`: no fields.',
  properties: {
    table2: { type: 'object', properties: Object.fromEntries(TABLE2_CELLS.map((c) => [c, { type: 'number' }])) },
    narrative: {
      type: 'object',
      properties: Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, { type: 'string', maxLength: 20000 }])),
    },
    approved: { type: 'boolean' },
    note: { type: 'string' },
  },
};
const REMEDY_BODY = {
  type: 'object',
  required: ['kind', 'filedDate'],
  properties: {
    remedyId: { type: 'string', description: 'To correct a record already entered.' },
    unit: { type: 'string' },
    kind: { type: 'string', enum: [...REMEDY_KINDS] },
    filedDate: { type: 'string', format: 'date' },
    result: { type: 'string', enum: ['upheld', 'corrected', 'other'], nullable: true },
    decidedDate: { type: 'string', format: 'date', nullable: true },
  },
};

@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('api/v1')
@UseGuards(StaffGuard)
export class AnnualReportController {
  constructor(private readonly handler: AnnualReportHandler) {}

  @Get('disclosure-reports')
  @Staff()
  @ApiOperation({
    summary: 'The annual disclosure reports the actor may see, overdue first',
    description:
      'A drafter sees their unit’s reports; other roles every unit’s. Overdue: not published after the due date (art.49).',
  })
  @ApiOkResponse({ description: 'The reports with their status, due date and whether overdue.' })
  async list(@CurrentActor() actor: StaffActor): Promise<{ items: unknown[] }> {
    const items = await this.handler.list(actor);
    return {
      items: items.map(({ report, overdue }) => ({
        reportId: report.reportId,
        unit: report.unit,
        year: report.year,
        officeKind: report.officeKind,
        dueDate: report.dueDate,
        status: report.status,
        overdue,
      })),
    };
  }

  @Post('disclosure-reports')
  @Staff()
  @ApiOperation({
    summary: 'Open the annual disclosure report of a unit and year (or find it), and start its due date',
    description:
      'Due 31 January of the next year for a department, 31 March for a government’s office (art.49); a durable workflow records it overdue once. Honours Idempotency-Key.',
  })
  @ApiBody({ schema: OPEN_BODY })
  @ApiCreatedResponse({ description: 'The report.' })
  async open(@Body() body: unknown, @CurrentActor() actor: StaffActor): Promise<unknown> {
    return this.handler.open(actor, objectBody(body));
  }

  @Get('disclosure-reports/:id')
  @Staff()
  @ApiOperation({
    summary: 'One annual disclosure report: its tables (from the record), words, steps and remedy records',
  })
  @ApiOkResponse({ description: 'The report.' })
  view(@Param('id') id: string, @CurrentActor() actor: StaffActor): Promise<ReportView> {
    return this.handler.view(actor, id);
  }

  @Post('disclosure-reports/:id/:step')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'A step of an annual disclosure report: edit, submit, review (four eyes), publish',
    description:
      'Submitting computes the tables from the record (Table 3 must balance) and freezes them with their sha256; the review is by another staff member than the author (reviewer, manager or admin); publishing appends the report and its hash to the public log. Honours Idempotency-Key.',
  })
  @ApiParam({ name: 'step', enum: [...REPORT_STEPS] })
  @ApiBody({ schema: STEP_BODY })
  @ApiOkResponse({ description: 'The report after the step.' })
  step(
    @Param('id') id: string,
    @Param('step') step: string,
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
  ): Promise<ReportView> {
    return this.handler.step(actor, id, step, objectBody(body));
  }

  @Post('disclosure-remedies')
  @Staff()
  @ApiOperation({
    summary: 'Record a reconsideration or lawsuit about the unit’s disclosure work (Table 4), or correct one',
    description:
      'No party names: kind, filing date, and the result with its date once decided. Honours Idempotency-Key.',
  })
  @ApiBody({ schema: REMEDY_BODY })
  @ApiCreatedResponse({ description: 'The record.' })
  remedy(@Body() body: unknown, @CurrentActor() actor: StaffActor): Promise<unknown> {
    return this.handler.remedy(actor, objectBody(body));
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
