/**
 * A new panel file with the demo's background features (municipality, age, …) and nothing else:
 * the starting point for importing sign-ups in the selection tests.
 */
import { DEMO_FEATURES } from '../../main/features/demo/demoData.js';
import { createPanelFile } from '../../main/store/panelFile.js';

export function createFeaturePanel(panelPath: string, title: string, passphrase?: string): void {
  const panel = createPanelFile(panelPath, title, passphrase);
  const insF = panel.db.prepare('INSERT INTO background_feature (key, label, position) VALUES (?, ?, ?)');
  const insV = panel.db.prepare('INSERT INTO background_value (feature_key, value, label, position, population_share) VALUES (?, ?, ?, ?, ?)');
  DEMO_FEATURES.forEach((feat, i) => {
    insF.run(feat.key, feat.label, i + 1);
    feat.values.forEach((v, j) => insV.run(feat.key, v.value, v.label, j + 1, v.share));
  });
  panel.close();
}
