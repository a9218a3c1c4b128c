import Phaser from 'phaser';
import type { WorldFeed } from '../store/world-feed';
import { StoreScene } from './StoreScene';

// The world view's Phaser game, mounted into a DOM element beside the panels.

/**
 * True when WebGL would be drawn by the CPU (SwiftShader, llvmpipe: no GPU, or a blocklisted one). Such a
 * WebGL canvas is read back on the page's main thread every frame, and with hundreds of figures that stalls
 * the page; Canvas 2D draws the same atlas frames faster there.
 */
function softwareWebGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}

export function startWorld(parent: HTMLElement, feed: WorldFeed): Phaser.Game {
  return new Phaser.Game({
    type: softwareWebGL() ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    width: 960,
    height: 420,
    backgroundColor: '#cfe8f7',
    banner: false,
    pixelArt: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY, expandParent: false },
    scene: [new StoreScene(feed)],
    // Every figure is drawn 1:1 at whole pixels, so multisampling buys nothing; one texture unit per batch keeps
    // the fragment shader to a single lookup (the crowd is one atlas anyway).
    render: { preserveDrawingBuffer: true, antialiasGL: false, maxTextures: 1 },
  });
}
