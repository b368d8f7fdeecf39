import { Module } from '@nestjs/common';
import { SiteShellModule } from '../site-shell/site-shell.module';
import { AnnualReportController } from './annual-report/annual-report.controller';
import { AnnualReportHandler } from './annual-report/annual-report.handler';
import { ReportConsoleController } from './annual-report/report-console.controller';
import { ActOnDisclosureRequestController } from './act-on-disclosure-request/act-on-disclosure-request.controller';
import { ActOnDisclosureRequestHandler } from './act-on-disclosure-request/act-on-disclosure-request.handler';
import { DisclosureConsoleController } from './console/disclosure-console.controller';
import { DisclosureCaseLoader } from './disclosure-case';
import {
  DownloadReplyDocumentController,
  DownloadReplyDocumentPageController,
} from './issue-reply/download-reply-document.controller';
import { IssueReplyHandler } from './issue-reply/issue-reply.handler';
import { DisclosureList } from './list-disclosure-requests/disclosure-list';
import { ListDisclosureRequestsController } from './list-disclosure-requests/list-disclosure-requests.controller';
import { RegisterDisclosureRequestController } from './register-disclosure-request/register-disclosure-request.controller';
import { RegisterDisclosureRequestHandler } from './register-disclosure-request/register-disclosure-request.handler';
import { ViewDisclosureCaseController } from './view-disclosure-case/view-disclosure-case.controller';

/**
 * On-request disclosure as staff work it (issue 18, ADRs 83, 102–103): registering letters, visits and
 * faxes; every command of the case workflow over HTTP (`POST /api/v1/disclosure-requests/{id}/{command}`);
 * the four-eyes review and the reply document (HTML, PDF, its sha256 in the case log); the list and the
 * case page in the console. The applicant's side is in `public/`.
 */
@Module({
  imports: [SiteShellModule],
  controllers: [
    AnnualReportController,
    ReportConsoleController,
    RegisterDisclosureRequestController,
    ListDisclosureRequestsController,
    DownloadReplyDocumentController,
    ViewDisclosureCaseController,
    ActOnDisclosureRequestController,
    DownloadReplyDocumentPageController,
    DisclosureConsoleController,
  ],
  providers: [
    DisclosureCaseLoader,
    DisclosureList,
    RegisterDisclosureRequestHandler,
    ActOnDisclosureRequestHandler,
    IssueReplyHandler,
    AnnualReportHandler,
  ],
})
export class DisclosureModule {}
