import Phaser from 'phaser';

// All art is drawn here at start-up in one flat style: no image files to load, crisp at any zoom. Stages differ
// in shape as well as colour (Okabe–Ito palette), so nothing depends on telling colours apart.

export const STAGE_COLORS = [0x999999, 0x56b4e9, 0x009e73, 0x0072b2, 0xe69f00, 0xd55e00];
const SIZE = 26;

export function makeTextures(scene: Phaser.Scene): void {
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  for (let stage = 0; stage < STAGE_COLORS.length; stage++) {
    g.clear();
    g.fillStyle(0x000000, 0.25);
    g.fillEllipse(SIZE / 2, SIZE - 3, SIZE - 6, 6);
    g.fillStyle(STAGE_COLORS[stage], 1);
    g.lineStyle(2, 0x1b1b1b, 1);
    const c = SIZE / 2;
    switch (stage) {
      case 1: // exploration: diamond
        g.fillPoints([new Phaser.Math.Vector2(c, 2), new Phaser.Math.Vector2(SIZE - 3, c), new Phaser.Math.Vector2(c, SIZE - 4), new Phaser.Math.Vector2(3, c)], true);
        g.strokePoints([new Phaser.Math.Vector2(c, 2), new Phaser.Math.Vector2(SIZE - 3, c), new Phaser.Math.Vector2(c, SIZE - 4), new Phaser.Math.Vector2(3, c)], true);
        break;
      case 2: // formation: triangle
        g.fillTriangle(c, 2, SIZE - 3, SIZE - 4, 3, SIZE - 4);
        g.strokeTriangle(c, 2, SIZE - 3, SIZE - 4, 3, SIZE - 4);
        break;
      case 3: // stability: square
        g.fillRect(4, 4, SIZE - 8, SIZE - 8);
        g.strokeRect(4, 4, SIZE - 8, SIZE - 8);
        break;
      case 4: // decline: inverted triangle
        g.fillTriangle(3, 3, SIZE - 3, 3, c, SIZE - 4);
        g.strokeTriangle(3, 3, SIZE - 3, 3, c, SIZE - 4);
        break;
      default: // prospect and churned: circle
        g.fillCircle(c, c - 1, c - 3);
        g.strokeCircle(c, c - 1, c - 3);
    }
    g.generateTexture(`stage-${stage}`, SIZE, SIZE);
  }
  // Mood faces: upset, neutral, content, delighted — by the mouth's shape.
  for (let mood = 0; mood < 4; mood++) {
    g.clear();
    g.fillStyle(0xfff3d6, 1);
    g.lineStyle(1.5, 0x1b1b1b, 1);
    g.fillCircle(8, 8, 7);
    g.strokeCircle(8, 8, 7);
    g.fillStyle(0x1b1b1b, 1);
    g.fillRect(5, 5, 2, 2);
    g.fillRect(9, 5, 2, 2);
    g.beginPath();
    if (mood === 0) g.arc(8, 13, 3, Math.PI * 1.15, Math.PI * 1.85, false);
    else if (mood === 1) {
      g.moveTo(5, 11);
      g.lineTo(11, 11);
    } else g.arc(8, 9, mood === 3 ? 4 : 3, Math.PI * 0.15, Math.PI * 0.85, false);
    g.strokePath();
    g.generateTexture(`mood-${mood}`, 16, 16);
  }
  // Complaint bubble with an exclamation mark.
  g.clear();
  g.fillStyle(0xffffff, 1);
  g.lineStyle(2, 0xd55e00, 1);
  g.fillRoundedRect(1, 1, 16, 16, 4);
  g.strokeRoundedRect(1, 1, 16, 16, 4);
  g.fillStyle(0xd55e00, 1);
  g.fillRect(8, 4, 2, 7);
  g.fillRect(8, 13, 2, 2);
  g.generateTexture('complaint', 18, 18);
  // Staff: apron figure.
  g.clear();
  g.fillStyle(0xfff3d6, 1);
  g.fillCircle(10, 6, 5);
  g.fillStyle(0x7a5195, 1);
  g.fillRoundedRect(3, 11, 14, 16, 3);
  g.fillStyle(0xffffff, 1);
  g.fillRect(7, 14, 6, 10);
  g.generateTexture('staff', 20, 28);
  g.destroy();
}
