import type { DataSource } from 'typeorm';
import { DomainError, type ReportContent } from '../../../../../libs/domain/src';
import { findAnnualReport, listAnnualReports, reportPublicEntry } from '../../../../../libs/persistence/src';

/** A published annual report as the public reads it: the content frozen at submission and its hashes. */
export interface PublicReport {
  reportId: string;
  unit: string;
  year: number;
  publishedAt: string;
  sha256: string;
  content: ReportContent;
  /** The report's entry in the public log (its own chain): the entry's hash and the link before it. */
  logEntry: { hash: string; prevHash: string } | null;
}

/** The published reports, newest year first (summaries: no content). */
export async function listPublicReports(
  dataSource: DataSource,
): Promise<Array<Omit<PublicReport, 'content' | 'logEntry'>>> {
  const reports = await listAnnualReports(dataSource, { published: true });
  return reports.map((r) => ({
    reportId: r.reportId,
    unit: r.unit,
    year: r.year,
    publishedAt: r.publishedAt!,
    sha256: r.contentSha256!,
  }));
}

/**
 * One published report, from the database (never Temporal); a report not published is not found, exactly
 * like one that does not exist. Only the frozen content is served: the author, reviewer and steps are not.
 */
export async function readPublicReport(dataSource: DataSource, reportId: string): Promise<PublicReport> {
  const report = await findAnnualReport(dataSource, reportId);
  if (!report || report.status !== 'published' || !report.content || !report.contentSha256)
    throw new DomainError('DISCLOSURE_REPORT_NOT_FOUND', 'not_found', 'no such published report');
  const entry = await reportPublicEntry(dataSource, reportId);
  return {
    reportId,
    unit: report.unit,
    year: report.year,
    publishedAt: report.publishedAt!,
    sha256: report.contentSha256,
    content: report.content,
    logEntry: entry && { hash: entry.hash, prevHash: entry.prevHash },
  };
}
