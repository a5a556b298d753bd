// Canvas drawing for the arena, and how two arena states blend for the SDK's interpolation
// buffer, which makes 20 Hz states look smooth.

// Lenient numbers: missing means zero (64-bit values would be bigints or strings).
export const num = (v) => Number(v ?? 0) || 0;

const COLORS = ['#4fc3f7', '#ff8a65', '#aed581', '#ce93d8', '#ffd54f', '#f06292', '#4db6ac', '#9fa8da'];
export const colorOf = (slot) => COLORS[slot % COLORS.length];
export const STICK_RADIUS = 50;   // CSS px of drag that means full speed

// An ArenaState `alpha` of the way from `a` to `b`: players slide, except across a respawn (a
// jump of a quarter of the field), where sliding would draw them crossing the field; pickups
// are whole things and come from the nearer state.
export function blendArena(a, b, alpha) {
  const jump = (num(b.width) || 800) / 4;
  const players = b.players.map((q) => {
    const p = a.players.find((o) => o.slot === q.slot);
    if (!p || Math.hypot(q.x - p.x, q.y - p.y) > jump) return q;
    return { ...q, x: p.x + (q.x - p.x) * alpha, y: p.y + (q.y - p.y) * alpha };
  });
  return { ...(alpha < 0.5 ? a : b), players };
}

// Draws every animation frame. scene(now) supplies what to draw:
// { game (an ArenaState, or null before the first), isMe(slot), nameOf(slot), waiting, stick }.
export function startRenderer(canvas, stage, scene) {
  const ctx = canvas.getContext('2d');
  let w = 0, h = 0, dpr = 1;

  // Backing store in device pixels so circles and text stay crisp on HiDPI screens.
  const resize = () => {
    const r = stage.getBoundingClientRect();
    w = r.width; h = r.height; dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  };
  new ResizeObserver(resize).observe(stage);
  resize();

  const circle = (x, y, r) => { ctx.beginPath(); ctx.arc(x, y, r, 0, Math.PI * 2); };

  function frame(now) {
    requestAnimationFrame(frame);
    const sc = scene(now);
    const v = sc.game;
    const g = v || {};
    const aw = num(g.width) || 800, ah = num(g.height) || 600;
    const s = Math.max(0.01, Math.min((w - 24) / aw, (h - 24) / ah));   // fit, keep aspect ratio
    const ox = (w - aw * s) / 2, oy = (h - ah * s) / 2;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);

    // Field with a faint grid; drawn without a match too, as the lobby backdrop.
    ctx.fillStyle = '#111a2e';
    ctx.beginPath(); ctx.roundRect(ox, oy, aw * s, ah * s, 10); ctx.fill();
    ctx.strokeStyle = 'rgba(148,163,184,0.07)'; ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = 50; x < aw; x += 50) { ctx.moveTo(ox + x * s, oy); ctx.lineTo(ox + x * s, oy + ah * s); }
    for (let y = 50; y < ah; y += 50) { ctx.moveTo(ox, oy + y * s); ctx.lineTo(ox + aw * s, oy + y * s); }
    ctx.stroke();
    ctx.strokeStyle = 'rgba(148,163,184,0.35)'; ctx.lineWidth = 2;
    ctx.beginPath(); ctx.roundRect(ox, oy, aw * s, ah * s, 10); ctx.stroke();

    if (v) {
      const cr = (num(g.collectableRadius) || 10) * s;
      for (const c of g.collectables || []) {
        const x = ox + num(c.x) * s, y = oy + num(c.y) * s;
        const r = cr * (1 + 0.1 * Math.sin(now / 180 + num(c.id)));   // gentle pulse draws the eye
        const glow = ctx.createRadialGradient(x, y, 0, x, y, r * 2.2);
        glow.addColorStop(0, 'rgba(255,213,79,0.55)'); glow.addColorStop(1, 'rgba(255,213,79,0)');
        ctx.fillStyle = glow; circle(x, y, r * 2.2); ctx.fill();
        ctx.fillStyle = '#ffe082'; circle(x, y, r); ctx.fill();
      }

      const pr = (num(g.playerRadius) || 16) * s;
      ctx.font = `600 ${Math.max(11, Math.round(pr * 0.8))}px system-ui, sans-serif`;
      ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
      // Own player last so it is never hidden under someone else.
      const order = g.players.filter((p) => p.present !== false)
        .sort((a, b) => sc.isMe(num(a.slot)) - sc.isMe(num(b.slot)));
      for (const p of order) {
        const slot = num(p.slot), me = sc.isMe(slot);
        const x = ox + p.x * s, y = oy + p.y * s;
        ctx.shadowColor = 'rgba(255,255,255,0.6)'; ctx.shadowBlur = me ? 14 : 0;
        ctx.fillStyle = colorOf(slot); circle(x, y, pr); ctx.fill();
        ctx.shadowBlur = 0;
        ctx.lineWidth = me ? 3 : 1.5;
        ctx.strokeStyle = me ? '#ffffff' : 'rgba(0,0,0,0.45)'; ctx.stroke();
        ctx.fillStyle = me ? '#ffffff' : 'rgba(226,232,240,0.85)';
        ctx.fillText(me ? `${sc.nameOf(slot)} (you)` : sc.nameOf(slot), x, y - pr - 4);
      }
    }

    if (sc.waiting) {
      ctx.fillStyle = 'rgba(8,12,24,0.55)';
      ctx.fillRect(ox, oy, aw * s, ah * s);
      ctx.fillStyle = '#ffffff'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.font = `700 ${Math.max(18, Math.round(36 * s))}px system-ui, sans-serif`;
      ctx.fillText('Get ready…', w / 2, h / 2);
    }

    const st = sc.stick;
    if (st) {
      const dx = st.x - st.x0, dy = st.y - st.y0, len = Math.hypot(dx, dy);
      const k = len > STICK_RADIUS ? STICK_RADIUS / len : 1;
      ctx.strokeStyle = 'rgba(255,255,255,0.35)'; ctx.lineWidth = 2;
      circle(st.x0, st.y0, STICK_RADIUS); ctx.stroke();
      ctx.fillStyle = 'rgba(255,255,255,0.35)';
      circle(st.x0 + dx * k, st.y0 + dy * k, 18); ctx.fill();
    }
  }
  requestAnimationFrame(frame);
}
