import { DataSource } from 'typeorm';
import { AccountEntity, UnitEntity } from './entities/account.entity';
import { AdminEventEntity } from './entities/admin-event.entity';
import { DecisionEntity } from './entities/decision.entity';
import { InternalEventEntity } from './entities/internal-event.entity';
import { PublicEventEntity } from './entities/public-event.entity';
import { InitialSchema1764000000000 as PostgresInitial } from './migrations/postgres/1764000000000-initial-schema';
import { InitialSchema1764000000000 as SqliteInitial } from './migrations/sqlite/1764000000000-initial-schema';
import { AdminEvents1764100000000 as PostgresAdminEvents } from './migrations/postgres/1764100000000-admin-events';
import { AdminEvents1764100000000 as SqliteAdminEvents } from './migrations/sqlite/1764100000000-admin-events';
import { DecisionStatus1764200000000 as PostgresDecisionStatus } from './migrations/postgres/1764200000000-decision-status';
import { DecisionStatus1764200000000 as SqliteDecisionStatus } from './migrations/sqlite/1764200000000-decision-status';
import { Opinions1764300000000 as PostgresOpinions } from './migrations/postgres/1764300000000-opinions';
import { Opinions1764300000000 as SqliteOpinions } from './migrations/sqlite/1764300000000-opinions';
import { Feedback1764400000000 as PostgresFeedback } from './migrations/postgres/1764400000000-feedback';
import { Feedback1764400000000 as SqliteFeedback } from './migrations/sqlite/1764400000000-feedback';
import { PublicEventsRecent1764510000000 as PostgresPublicEventsRecent } from './migrations/postgres/1764510000000-public-events-recent';
import { PublicEventsRecent1764510000000 as SqlitePublicEventsRecent } from './migrations/sqlite/1764510000000-public-events-recent';
import { WorkingDayCalendar1764600000000 as PostgresWorkingDayCalendar } from './migrations/postgres/1764600000000-working-day-calendar';
import { WorkingDayCalendar1764600000000 as SqliteWorkingDayCalendar } from './migrations/sqlite/1764600000000-working-day-calendar';
import { CalendarChangeEntity, CalendarYearEntity } from './entities/calendar.entity';
import { StaffRequests1764700000000 as PostgresStaffRequests } from './migrations/postgres/1764700000000-staff-requests';
import { StaffRequests1764700000000 as SqliteStaffRequests } from './migrations/sqlite/1764700000000-staff-requests';
import { SessionsAndLimits1764900000000 as PostgresSessionsAndLimits } from './migrations/postgres/1764900000000-sessions-and-limits';
import { SessionsAndLimits1764900000000 as SqliteSessionsAndLimits } from './migrations/sqlite/1764900000000-sessions-and-limits';
import { ClusterStanceAndKind1765200000000 as PostgresClusterStanceAndKind } from './migrations/postgres/1765200000000-cluster-stance-and-kind';
import { ClusterStanceAndKind1765200000000 as SqliteClusterStanceAndKind } from './migrations/sqlite/1765200000000-cluster-stance-and-kind';
import { AttachmentBlobs1765500000000 as PostgresAttachmentBlobs } from './migrations/postgres/1765500000000-attachment-blobs';
import { AttachmentBlobs1765500000000 as SqliteAttachmentBlobs } from './migrations/sqlite/1765500000000-attachment-blobs';
import { ClusterLabelConfirmed1765600000000 as PostgresClusterLabelConfirmed } from './migrations/postgres/1765600000000-cluster-label-confirmed';
import { ClusterLabelConfirmed1765600000000 as SqliteClusterLabelConfirmed } from './migrations/sqlite/1765600000000-cluster-label-confirmed';
import { RateLimitEntity, RevokedSessionEntity } from './entities/session.entity';
import {
  CheckpointCosignatureEntity,
  CheckpointEntity,
  LogTreeLeafEntity,
  LogTreeNodeEntity,
} from './entities/transparency.entity';
import { TransparencyLog1765100000000 as PostgresTransparencyLog } from './migrations/postgres/1765100000000-transparency-log';
import { TransparencyLog1765100000000 as SqliteTransparencyLog } from './migrations/sqlite/1765100000000-transparency-log';
import { CheckpointCosignatures1765300000000 as PostgresCheckpointCosignatures } from './migrations/postgres/1765300000000-checkpoint-cosignatures';
import { CheckpointCosignatures1765300000000 as SqliteCheckpointCosignatures } from './migrations/sqlite/1765300000000-checkpoint-cosignatures';
import { ConsultationEntity, OpinionEntity } from './entities/opinion.entity';
import { protectDatabaseFile } from './file-modes';
import {
  AnswerTemplateEntity,
  FeedbackWorkLogEntity,
  OpinionAnswerEntity,
  OpinionClusterEntity,
} from './entities/feedback.entity';
import {
  DisclosureAccessEntity,
  DisclosureApplicantEntity,
  DisclosureCaseLogEntity,
  DisclosureRequestEntity,
} from './entities/disclosure.entity';
import { Disclosure1765400000000 as PostgresDisclosure } from './migrations/postgres/1765400000000-disclosure';
import { Disclosure1765400000000 as SqliteDisclosure } from './migrations/sqlite/1765400000000-disclosure';
import { DisclosureAccess1765800000000 as PostgresDisclosureAccess } from './migrations/postgres/1765800000000-disclosure-access';
import { DisclosureAccess1765800000000 as SqliteDisclosureAccess } from './migrations/sqlite/1765800000000-disclosure-access';
import { MailRecipientEntity, NotificationOutboxEntity } from './entities/notification.entity';
import { Notifications1765700000000 as PostgresNotifications } from './migrations/postgres/1765700000000-notifications';
import { Notifications1765700000000 as SqliteNotifications } from './migrations/sqlite/1765700000000-notifications';
import {
  DisclosureRemedyEntity,
  DisclosureReportEntity,
  DisclosureReportLogEntity,
} from './entities/disclosure-report.entity';
import { DisclosureReports1765950000000 as PostgresDisclosureReports } from './migrations/postgres/1765950000000-disclosure-reports';
import { DisclosureReports1765950000000 as SqliteDisclosureReports } from './migrations/sqlite/1765950000000-disclosure-reports';
import { PublicSearchTextEntity } from './entities/public-search-text.entity';
import { PublicSearchTexts1765970000000 as PostgresPublicSearchTexts } from './migrations/postgres/1765970000000-public-search-texts';
import { PublicLogNotify1765980000000 as PostgresPublicLogNotify } from './migrations/postgres/1765980000000-public-log-notify';
import { PublicSearchTexts1765970000000 as SqlitePublicSearchTexts } from './migrations/sqlite/1765970000000-public-search-texts';

/** Where the app data lives: a SQLite file (embedded default) or a PostgreSQL URL. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

export const ENTITIES = [
  PublicEventEntity,
  InternalEventEntity,
  DecisionEntity,
  AccountEntity,
  UnitEntity,
  AdminEventEntity,
  ConsultationEntity,
  OpinionEntity,
  OpinionClusterEntity,
  OpinionAnswerEntity,
  AnswerTemplateEntity,
  FeedbackWorkLogEntity,
  CalendarYearEntity,
  CalendarChangeEntity,
  RevokedSessionEntity,
  RateLimitEntity,
  LogTreeLeafEntity,
  LogTreeNodeEntity,
  CheckpointEntity,
  CheckpointCosignatureEntity,
  DisclosureRequestEntity,
  DisclosureApplicantEntity,
  DisclosureCaseLogEntity,
  DisclosureAccessEntity,
  MailRecipientEntity,
  NotificationOutboxEntity,
  DisclosureReportEntity,
  DisclosureReportLogEntity,
  DisclosureRemedyEntity,
  PublicSearchTextEntity,
];

/**
 * Builds (does not connect) the TypeORM data source. SQLite runs in WAL mode with `synchronous = FULL`
 * so that a commit survives power loss; writers from several processes wait up to 10 s for the lock.
 * `synchronize` is always off: the schema comes from the checked-in migrations of each dialect.
 */
export function createDataSource(config: DatabaseConfig): DataSource {
  if (config.kind === 'postgres') {
    return new DataSource({
      type: 'postgres',
      url: config.url,
      entities: ENTITIES,
      migrations: [
        PostgresInitial,
        PostgresAdminEvents,
        PostgresDecisionStatus,
        PostgresOpinions,
        PostgresFeedback,
        PostgresPublicEventsRecent,
        PostgresWorkingDayCalendar,
        PostgresStaffRequests,
        PostgresSessionsAndLimits,
        PostgresTransparencyLog,
        PostgresClusterStanceAndKind,
        PostgresCheckpointCosignatures,
        PostgresDisclosure,
        PostgresAttachmentBlobs,
        PostgresClusterLabelConfirmed,
        PostgresDisclosureAccess,
        PostgresNotifications,
        PostgresDisclosureReports,
        PostgresPublicSearchTexts,
        PostgresPublicLogNotify,
      ],
      migrationsTransactionMode: 'all',
      synchronize: false,
      poolSize: config.poolSize ?? 10,
    });
  }
  return new DataSource({
    type: 'better-sqlite3',
    database: config.file,
    entities: ENTITIES,
    migrations: [
      SqliteInitial,
      SqliteAdminEvents,
      SqliteDecisionStatus,
      SqliteOpinions,
      SqliteFeedback,
      SqlitePublicEventsRecent,
      SqliteWorkingDayCalendar,
      SqliteStaffRequests,
      SqliteSessionsAndLimits,
      SqliteTransparencyLog,
      SqliteClusterStanceAndKind,
      SqliteCheckpointCosignatures,
      SqliteDisclosure,
      SqliteAttachmentBlobs,
      SqliteClusterLabelConfirmed,
      SqliteDisclosureAccess,
      SqliteNotifications,
      SqliteDisclosureReports,
      SqlitePublicSearchTexts,
    ],
    migrationsTransactionMode: 'all',
    synchronize: false,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('synchronous = FULL');
    },
  });
}

/** Parses `DATABASE_URL`-style settings: `postgres://…` or a SQLite file path (`sqlite:` prefix optional). */
export function databaseConfigFrom(urlOrFile: string): DatabaseConfig {
  if (/^postgres(ql)?:\/\//.test(urlOrFile)) return { kind: 'postgres', url: urlOrFile };
  return { kind: 'sqlite', file: urlOrFile.replace(/^sqlite:(\/\/)?/, '') };
}

/** Arbitrary key of the PostgreSQL advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 7_271_001;

/**
 * Connects and, when asked, brings the schema up to date. A SQLite file is created (or tightened) to
 * mode 0600 first. Safe to call from several processes at once:
 * on PostgreSQL the migrations run under an advisory lock, on SQLite under the database's write lock.
 */
export async function openDatabase(config: DatabaseConfig, options: { migrate: boolean }): Promise<DataSource> {
  if (config.kind === 'sqlite') protectDatabaseFile(config.file);
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  if (!options.migrate) return dataSource;
  if (config.kind === 'sqlite') {
    await dataSource.runMigrations({ transaction: 'all' });
    return dataSource;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await lock.release();
  }
  return dataSource;
}
