import { agendaDaysTopic, agendaItemsTopic, expertsTopic } from './agenda/agenda.js';
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
};
