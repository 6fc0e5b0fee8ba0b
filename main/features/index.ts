import {
  addDay,
  addItem,
  agendaDaysTopic,
  agendaItemsTopic,
  applyTemplate,
  expertsTopic,
  moveItem,
  removeDay,
  removeItem,
  updateDay,
  updateItem,
} from './agenda/agenda.js';
import {
  adjustClock,
  clockTopic,
  itemRunsTopic,
  jumpTo,
  nextItem,
  pauseClock,
  previousItem,
  resumeClock,
  setBlackout,
  setMessage,
  setMuted,
  skipItem,
  startClock,
  stopClock,
} from './clock/clock.js';
import type { CommandHandlers, TopicReaders } from './context.js';
import { approveDevice, assignDevice, devicesTopic, rejectDevice, renameDevice, revokeDevice } from './devices/devices.js';
import { panelTopic, updatePanel } from './panels/panels.js';
import {
  attendanceTopic,
  featuresTopic,
  participantBackgroundTopic,
  participantPersonalTopic,
  participantsTopic,
  seatingRoundsTopic,
  tablesTopic,
} from './participants/participants.js';
import { recommendationsTopic } from './recommendations/recommendations.js';

/** Every panel command's handler. The type makes a missing handler a compile error. */
export const handlers: CommandHandlers = {
  'panel.update': updatePanel,
  'device.approve': approveDevice,
  'device.reject': rejectDevice,
  'device.revoke': revokeDevice,
  'device.rename': renameDevice,
  'device.assign': assignDevice,
  'agenda.addDay': addDay,
  'agenda.updateDay': updateDay,
  'agenda.removeDay': removeDay,
  'agenda.addItem': addItem,
  'agenda.updateItem': updateItem,
  'agenda.removeItem': removeItem,
  'agenda.moveItem': moveItem,
  'agenda.applyTemplate': applyTemplate,
  'clock.start': startClock,
  'clock.pause': pauseClock,
  'clock.resume': resumeClock,
  'clock.adjust': adjustClock,
  'clock.next': nextItem,
  'clock.previous': previousItem,
  'clock.skip': skipItem,
  'clock.jump': jumpTo,
  'clock.stop': stopClock,
  'clock.message': setMessage,
  'clock.blackout': setBlackout,
  'clock.mute': setMuted,
};

/** Every topic's reader, for snapshots. */
export const topicReaders: TopicReaders = {
  panel: panelTopic,
  devices: devicesTopic,
  participants: participantsTopic,
  participantPersonal: participantPersonalTopic,
  participantBackground: participantBackgroundTopic,
  features: featuresTopic,
  tables: tablesTopic,
  seatingRounds: seatingRoundsTopic,
  attendance: attendanceTopic,
  agendaDays: agendaDaysTopic,
  agendaItems: agendaItemsTopic,
  experts: expertsTopic,
  recommendations: recommendationsTopic,
  clock: clockTopic,
  itemRuns: itemRunsTopic,
};
