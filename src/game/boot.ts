import Phaser from 'phaser';
import { StoreScene } from './StoreScene';

// The world view's Phaser game, mounted into a DOM element beside the panels.

export function startWorld(parent: HTMLElement): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 960,
    height: 420,
    backgroundColor: '#cfe8f7',
    banner: false,
    pixelArt: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY, expandParent: false },
    scene: [StoreScene],
    // Every figure is drawn 1:1 at whole pixels, so multisampling buys nothing; without it, and with one texture
    // unit per batch, a software-rendered frame costs several times less.
    render: { preserveDrawingBuffer: true, antialiasGL: false, maxTextures: 1 },
  });
}
