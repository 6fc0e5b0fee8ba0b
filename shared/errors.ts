/**
 * Errors cross the wire as a code and parameters; every screen translates the code
 * (i18n key `errors.<code>`) in its user's language.
 */
export const ERROR_CODES = [
  'auth.required',
  'auth.revoked',
  'auth.pending',
  'auth.rejected',
  'auth.badCode',
  'auth.loopbackOnly',
  'auth.forbiddenHost',
  'auth.forbiddenOrigin',
  'auth.rateLimited',
  'auth.roomClosed',
  'scope.forbidden',
  'protocol.malformed',
  'protocol.tooLarge',
  'protocol.unknownCommand',
  'protocol.badField',
  'protocol.idReused',
  'panel.none',
  'panel.notFound',
  'panel.alreadyExists',
  'panel.locked',
  'panel.readOnly',
  'panel.notAPanel',
  'panel.corrupt',
  'panel.newerVersion',
  'panel.passphraseRequired',
  'panel.wrongPassphrase',
  'panel.badPath',
  'backup.folderMissing',
  'backup.notFound',
  'backup.failed',
  'device.notFound',
  'device.tableRequired',
  'agenda.notFound',
  'agenda.dayOverlaps',
  'agenda.itemRunning',
  'agenda.unknownExpert',
  'agenda.unknownRound',
  'clock.stale',
  'clock.noItem',
  'clock.endOfProgramme',
  'notes.notFound',
  'notes.idReused',
  'notes.staleVersion',
  'notes.conflictNotFound',
  'notes.photoTooLarge',
  'questions.notFound',
  'materials.notFound',
  'materials.tooLarge',
  'recommendations.notFound',
  'statement.notFound',
  'statement.locked',
  'statement.stale',
  'statement.final',
  'statement.sectionNotEmpty',
  'statement.approvalMissing',
  'statement.amendmentDecided',
  'statement.idReused',
  'statement.notRecommendation',
  'statement.mainLanguage',
  'statement.noSuchLanguage',
  'votes.notFound',
  'votes.notDraft',
  'votes.notOpen',
  'votes.notClosed',
  'votes.badDefinition',
  'votes.modeNotAllowed',
  'votes.unknownSubject',
  'votes.unknownAnswer',
  'votes.tallyTooLarge',
  'votes.noCodes',
  'ballot.mistyped',
  'ballot.unknownCode',
  'ballot.codeUsed',
  'ballot.voteClosed',
  'ballot.wrongMethod',
  'ballot.unknownSubject',
  'ballot.badAnswer',
  'ballot.rankingTies',
  'ballot.rankingGaps',
  'ballot.tooManyDots',
  'roster.notFound',
  'roster.duplicate',
  'roster.importInvalid',
  'roster.purgeConfirm',
  'roster.unknownFeature',
  'checkin.unknownDay',
  'checkin.unknownPerson',
  'seating.notFound',
  'seating.unknownTable',
  'seating.unknownPerson',
  'seating.noTables',
  'seating.noPeople',
  'seating.samePerson',
  'seating.busy',
  'export.notWritable',
  'export.exists',
  'export.incomplete',
  'export.integrity',
  'export.failed',
  'job.notFound',
  'job.failed',
  'job.cancelled',
  'room.portInUse',
  'room.noNetwork',
  'selection.badPanelSize',
  'selection.duplicateQuota',
  'selection.minAboveMax',
  'selection.duplicateId',
  'selection.infeasible',
  'selection.poolTooSmall',
  'selection.solverFailed',
  'selection.legacyFailed',
  'selection.badLotterySize',
  'selection.badDraw',
  'selection.notOnPanel',
  'selection.noReplacement',
  'selection.noReserveFits',
  'selection.badFile',
  'selection.unreadableFile',
  'selection.noPool',
  'selection.noQuotas',
  'selection.unknownValue',
  'selection.uploadNotFound',
  'selection.importInvalid',
  'selection.noRecruitmentFile',
  'selection.recruitmentMismatch',
  'selection.runNotFound',
  'selection.staleRun',
  'selection.notFinal',
  'selection.alreadyDrawn',
  'selection.notDrawn',
  'selection.busy',
  'selection.copyFolderNotListed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface WireError {
  code: ErrorCode;
  params?: ErrorParams;
}

/** Thrown by the hub and its features; the hub turns it into a WireError. */
export class PuntariError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'PuntariError';
    this.code = code;
    this.params = params;
  }
  toWire(): WireError {
    return { code: this.code, params: this.params };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
