/* llm-chart-draw.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "llm-chart-private.h"

/* How each kind of chart is drawn, apart from the data it is given
 * (llm-chart.c): one snapshot function a kind, over a palette read from
 * the theme at draw time, and the text helpers they share. */

typedef struct {
  GdkRGBA fg, dim, faint, grid, accent, success, warning;
  int line;            /* height of a line of small text */
} Palette;

static void
lookup (GtkStyleContext *context,
        const char      *name,
        const char      *fallback,
        GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static PangoLayout *
make_layout (LlmChart   *self,
             const char *text,
             guint       flags)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Tabular figures keep columns of numbers from jittering. */
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (flags & SMALL)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (flags & BOLD)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static int
text_width (LlmChart   *self,
            const char *text,
            guint       flags)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, flags);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

int
_llm_chart_text_height (LlmChart *self,
             guint     flags)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "Ag", flags);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Draws @text centred on @y, with its left edge (@xalign 0), centre (0.5)
 * or right edge (1) at @x, cut to @max_width if that is positive. */
static void
draw_text (LlmChart      *self,
           GtkSnapshot   *snapshot,
           const char    *text,
           guint          flags,
           float          x,
           float          y,
           float          xalign,
           float          max_width,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, flags);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x - w * xalign), roundf (y - h / 2.0f)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
fill (GtkSnapshot   *snapshot,
      float          x,
      float          y,
      float          w,
      float          h,
      float          radius,
      const GdkRGBA *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, w, h);
  GskRoundedRect rounded;

  if (w <= 0 || h <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, MIN (radius, MIN (w, h) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

char *
_llm_chart_format_percent (double share)
{
  /* Translators: a percentage in charts */
  return g_strdup_printf (_("%d%%"), (int)round (CLAMP (share, 0, 1) * 100));
}

/* @date moved by @offset days, in @format (see g_date_time_format()). */
char *
_llm_chart_format_day (const GDate *date,
            int          offset,
            const char  *format)
{
  GDate day = *date;
  g_autoptr(GDateTime) dt = NULL;

  if (offset >= 0)
    g_date_add_days (&day, offset);
  else
    g_date_subtract_days (&day, -offset);

  dt = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0, 0, 0);
  return g_date_time_format (dt, format);
}

char *
_llm_chart_format_time (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);

  return g_date_time_format (dt, SHORT_DATE);
}

/* Readiness: a row a topic, two bars a row, and the goal as a line. */
static void
snapshot_bars (LlmChart      *self,
               GtkSnapshot   *snapshot,
               const Palette *p,
               float          width,
               float          height)
{
  const GdkRGBA *colors[2] = { &p->success, &p->accent };
  GArray *series[2] = { self->first, self->second };
  guint n = self->labels->len;
  float legend_h = p->line + SPACING, row_h = 2 * BAR + 4;
  float x = 0, label_w = 0, bar_x, bar_w, pitch;

  for (guint s = 0; s < 2; s++)
    {
      fill (snapshot, x, (p->line - 10) / 2.0f, 10, 10, 3, colors[s]);
      draw_text (self, snapshot, self->names[s], SMALL, x + 14, p->line / 2.0f, 0, 0, &p->dim);
      x += 14 + text_width (self, self->names[s], SMALL) + 2 * SPACING;
    }

  if (n == 0)
    return;

  /* Long titles are cut rather than squeezing the bars. */
  for (guint i = 0; i < n; i++)
    label_w = MAX (label_w, text_width (self, g_ptr_array_index (self->labels, i), 0));
  label_w = floorf (MIN (label_w + SPACING, MIN (width * 0.32f, 220)));
  bar_x = label_w + SPACING;
  bar_w = MAX (width - bar_x - SPACING - text_width (self, "100% · 100%", SMALL), 8);
  pitch = MIN (row_h + ROW_GAP, (height - legend_h) / n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = _llm_chart_format_percent (g_array_index (self->first, double, i));
      g_autofree char *b = _llm_chart_format_percent (g_array_index (self->second, double, i));
      g_autofree char *values = g_strdup_printf ("%s · %s", a, b);
      float y = legend_h + i * pitch + (pitch - row_h) / 2;

      draw_text (self, snapshot, g_ptr_array_index (self->labels, i), 0, 0, y + row_h / 2, 0, label_w, &p->fg);
      for (guint s = 0; s < 2; s++)
        {
          double v = CLAMP (g_array_index (series[s], double, i), 0, 1);

          fill (snapshot, bar_x, y + s * (BAR + 4), bar_w, BAR, BAR / 2, &p->faint);
          /* A sliver still shows that something is there. */
          if (v > 0)
            fill (snapshot, bar_x, y + s * (BAR + 4), MAX (roundf (bar_w * v), BAR), BAR, BAR / 2, colors[s]);
        }
      draw_text (self, snapshot, values, SMALL, bar_x + bar_w + SPACING, y + row_h / 2, 0, 0, &p->dim);
    }

  if (self->value > 0 && self->value <= 1)
    fill (snapshot, roundf (bar_x + bar_w * self->value) - 1, legend_h, 2, n * pitch, 0, &p->dim);
}

static guint
max_count (GArray *counts)
{
  guint max = 0;

  for (guint i = 0; i < counts->len; i++)
    max = MAX (max, g_array_index (counts, guint, i));

  return max;
}

/* Four steps of the accent color, relative to the busiest day. */
static GdkRGBA
heat_color (const Palette *p,
            guint          level)
{
  GdkRGBA color = level == 0 ? p->faint : p->accent;

  if (level > 0)
    color.alpha *= 0.25f * MIN (level, 4);
  return color;
}

/* Reviews a day: a column a week, Monday on top, months above. */
static void
snapshot_heatmap (LlmChart      *self,
                  GtkSnapshot   *snapshot,
                  const Palette *p,
                  float          width,
                  float          height)
{
  static const int label_rows[] = { 0, 2, 4 };
  guint n = self->counts->len, max = max_count (self->counts);
  GDate first = self->date;
  int row0, n_cols, gutter = 0;
  float pitch, gap, cell, x0, y0 = p->line + 4, label_end = -1;

  if (n == 0)
    return;

  g_date_subtract_days (&first, n - 1);
  row0 = g_date_get_weekday (&first) - G_DATE_MONDAY;
  n_cols = (row0 + n - 1) / 7 + 1;

  for (guint i = 0; i < G_N_ELEMENTS (label_rows); i++)
    {
      g_autofree char *name = _llm_chart_format_day (&first, 7 + label_rows[i] - row0, "%a");

      gutter = MAX (gutter, text_width (self, name, SMALL) + 6);
    }

  pitch = CLAMP (floorf (MIN ((width - gutter) / n_cols, (height - 2 * y0) / 7)), 2, MAX_CELL);
  gap = pitch >= 10 ? 3 : 1;
  cell = pitch - gap;
  x0 = floorf (MAX ((width - gutter - n_cols * pitch) / 2, 0)) + gutter;

  /* Monday, Wednesday and Friday, as calendars label them. */
  for (guint i = 0; i < G_N_ELEMENTS (label_rows); i++)
    {
      g_autofree char *name = _llm_chart_format_day (&first, 7 + label_rows[i] - row0, "%a");

      draw_text (self, snapshot, name, SMALL, x0 - 6, y0 + label_rows[i] * pitch + cell / 2, 1, 0, &p->dim);
    }

  for (guint i = 0; i < n; i++)
    {
      guint count = g_array_index (self->counts, guint, i);
      float x = x0 + (row0 + i) / 7 * pitch, y = y0 + (row0 + i) % 7 * pitch;
      GDate day = first;
      GdkRGBA color;

      /* A month's name over the week of its first day. */
      g_date_add_days (&day, i);
      if (g_date_get_day (&day) == 1 || (i == 0 && g_date_get_day (&day) <= 21))
        {
          g_autofree char *month = _llm_chart_format_day (&day, 0, "%b");
          int w = text_width (self, month, SMALL);

          if (x > label_end && x + w <= width)
            {
              draw_text (self, snapshot, month, SMALL, x, p->line / 2.0f, 0, 0, &p->dim);
              label_end = x + w + 4;
            }
        }

      color = heat_color (p, max ? (count * 4 + max - 1) / max : 0);
      fill (snapshot, x, y, cell, cell, 2, &color);
    }

  /* “Less ▪▪▪▪▪ More”, under the grid on the right, where there is room. */
  {
    float ly = y0 + 7 * pitch + 4 + p->line / 2.0f, swatch = MIN (cell, 10);
    float lx = x0 + n_cols * pitch - gap - text_width (self, _("More"), SMALL);

    if (ly + p->line / 2.0f > height + 1)
      return;

    draw_text (self, snapshot, _("More"), SMALL, lx, ly, 0, 0, &p->dim);
    for (int level = 4; level >= 0; level--)
      {
        GdkRGBA color = heat_color (p, level);

        lx -= swatch + 2;
        fill (snapshot, lx - 2, ly - swatch / 2, swatch, swatch, 2, &color);
      }
    draw_text (self, snapshot, _("Less"), SMALL, lx - 6, ly, 1, 0, &p->dim);
  }
}

/* Three grid lines, 0 at the bottom, with their labels in a gutter. */
static void
draw_grid (LlmChart      *self,
           GtkSnapshot   *snapshot,
           const Palette *p,
           const char    *labels[3],
           float          axis_w,
           float          top,
           float          width,
           float          height)
{
  for (guint i = 0; i < 3; i++)
    {
      float y = roundf (top + height * (2 - i) / 2.0f);

      fill (snapshot, axis_w, y, width - axis_w, 1, 0, i == 0 ? &p->dim : &p->grid);
      if (labels[i])
        draw_text (self, snapshot, labels[i], SMALL, axis_w - 6, y, 1, 0, &p->dim);
    }
}

/* A “nice” axis maximum: 1, 2 or 5 times a power of ten. */
static guint
nice_ceiling (guint max)
{
  guint step = 1;

  if (max <= 4)
    return MAX (max, 1);

  for (;; step *= 10)
    if (max <= step * 2)
      return step * 2;
    else if (max <= step * 5)
      return step * 5;
    else if (max <= step * 10)
      return step * 10;
}

/* Due forecast: a column a day from today. */
static void
snapshot_columns (LlmChart      *self,
                  GtkSnapshot   *snapshot,
                  const Palette *p,
                  float          width,
                  float          height)
{
  guint n = self->counts->len, top = nice_ceiling (max_count (self->counts));
  g_autofree char *top_text = g_strdup_printf ("%u", top);
  const char *labels[3] = { "0", NULL, top_text };
  float axis_w = text_width (self, top_text, SMALL) + 6;
  float plot_top = p->line + 2, plot_w = MAX (width - axis_w, 1);
  float plot_h = MAX (height - plot_top - p->line - 6, 4);
  float pitch = plot_w / MAX (n, 1), bar_w = MAX (floorf (pitch * 0.7f), 1), label_end = 0;

  draw_grid (self, snapshot, p, labels, axis_w, plot_top, width, plot_h);

  for (guint i = 0; i < n; i++)
    {
      guint count = g_array_index (self->counts, guint, i);
      float h = roundf (plot_h * count / top);
      float x = roundf (axis_w + i * pitch + (pitch - bar_w) / 2);

      if (count > 0)
        {
          /* Rounded at the top only: the columns stand on the axis. */
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x, plot_top + plot_h - h, bar_w, h);
          graphene_size_t corner = GRAPHENE_SIZE_INIT (MIN (3, bar_w / 2), MIN (3, h));
          graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);
          GskRoundedRect rounded;

          gsk_rounded_rect_init (&rounded, &rect, &corner, &corner, &square, &square);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &p->accent, &rect);
          gtk_snapshot_pop (snapshot);

          if (pitch >= 18)
            {
              g_autofree char *text = g_strdup_printf ("%u", count);

              draw_text (self, snapshot, text, SMALL, x + bar_w / 2, plot_top + plot_h - h - p->line / 2.0f,
                         0.5, 0, &p->dim);
            }
        }

      /* Today, then a date each week, where they fit. */
      if (i % 7 == 0)
        {
          g_autofree char *text = i == 0 ? g_strdup (_("Today")) : _llm_chart_format_day (&self->date, i, SHORT_DATE);
          float w = text_width (self, text, SMALL);
          float left = i == 0 ? axis_w : x + bar_w / 2 - w / 2;

          if (left >= label_end && left + w <= width)
            {
              draw_text (self, snapshot, text, SMALL, left, plot_top + plot_h + 6 + p->line / 2.0f, 0, 0, &p->dim);
              label_end = left + w + SPACING;
            }
        }
    }
}

/* Achieved against desired: a track, the share filled and a mark. */
static void
snapshot_gauge (LlmChart      *self,
                GtkSnapshot   *snapshot,
                const Palette *p,
                float          width,
                float          height)
{
  g_autofree char *value = self->value >= 0 ? _llm_chart_format_percent (self->value) : g_strdup ("—");
  g_autofree char *target = _llm_chart_format_percent (self->target);
  g_autofree char *value_text = g_strdup_printf ("%s %s", self->names[0], value);
  g_autofree char *target_text = g_strdup_printf ("%s %s", self->names[1], target);
  float big = _llm_chart_text_height (self, BOLD), track_y = big + 6;
  float tx = roundf (width * CLAMP (self->target, 0, 1));
  float tw = text_width (self, target_text, SMALL);

  draw_text (self, snapshot, value_text, BOLD, 0, big / 2, 0, 0, &p->fg);
  fill (snapshot, 0, track_y, width, TRACK, TRACK / 2, &p->faint);
  if (self->value > 0)
    fill (snapshot, 0, track_y, MAX (roundf (width * MIN (self->value, 1)), TRACK), TRACK, TRACK / 2,
          /* Judged as shown: 89.6% reads 90%, which meets a 90% target. */
          round (self->value * 100) >= round (self->target * 100) ? &p->success : &p->warning);

  fill (snapshot, tx - 1, track_y - 4, 2, TRACK + 8, 1, &p->fg);
  draw_text (self, snapshot, target_text, SMALL, CLAMP (tx - tw / 2, 0, width - tw),
             track_y + TRACK + 6 + p->line / 2.0f, 0, 0, &p->dim);
}

/* Coverage over time: dots joined by a line, 0 … 100%. */
static void
snapshot_line (LlmChart      *self,
               GtkSnapshot   *snapshot,
               const Palette *p,
               float          width,
               float          height)
{
  guint n = self->first->len;
  g_autofree char *full = _llm_chart_format_percent (1);
  g_autofree char *half = _llm_chart_format_percent (0.5);
  g_autofree char *none = _llm_chart_format_percent (0);
  const char *labels[3] = { none, half, full };
  float axis_w = text_width (self, full, SMALL) + 6, pad = 8;
  float plot_x = axis_w + pad, plot_w = MAX (width - plot_x - pad, 1);
  float plot_top = p->line / 2.0f, plot_h = MAX (height - plot_top - p->line - 6, 4);
  float *xs, *ys;
  gint64 t0, t1;
  cairo_t *cr;

  draw_grid (self, snapshot, p, labels, axis_w, plot_top, width, plot_h);
  if (n == 0)
    return;

  t0 = g_array_index (self->times, gint64, 0);
  t1 = g_array_index (self->times, gint64, n - 1);
  xs = g_newa (float, n);
  ys = g_newa (float, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 t = g_array_index (self->times, gint64, i);

      xs[i] = t1 > t0 ? plot_x + plot_w * (double)(t - t0) / (t1 - t0) : plot_x + plot_w / 2;
      ys[i] = plot_top + plot_h * (1 - CLAMP (g_array_index (self->first, double, i), 0, 1));
    }

  /* Cairo for the one curve GtkSnapshot can't draw in GTK 4.8. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_cairo_set_source_rgba (cr, &p->accent);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, xs[i], ys[i]);
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, xs[i], ys[i], 4, 0, 2 * G_PI);
    }
  cairo_fill (cr);
  cairo_destroy (cr);

  /* The first and last dates under the axis, the latest share above. */
  for (guint i = 0; i < n; i += MAX (n - 1, 1))
    {
      g_autofree char *text = _llm_chart_format_time (g_array_index (self->times, gint64, i));
      float w = text_width (self, text, SMALL);

      draw_text (self, snapshot, text, SMALL, CLAMP (xs[i] - w / 2, axis_w, width - w),
                 plot_top + plot_h + 6 + p->line / 2.0f, 0, 0, &p->dim);
    }
  {
    g_autofree char *text = _llm_chart_format_percent (g_array_index (self->first, double, n - 1));
    float w = text_width (self, text, SMALL | BOLD);

    draw_text (self, snapshot, text, SMALL | BOLD, CLAMP (xs[n - 1] - w / 2, axis_w, width - w),
               MAX (ys[n - 1] - 8 - p->line / 2.0f, p->line / 2.0f), 0, 0, &p->fg);
  }
}

typedef void (*SnapshotFunc) (LlmChart      *self,
                              GtkSnapshot   *snapshot,
                              const Palette *p,
                              float          width,
                              float          height);

static const SnapshotFunc snapshot_funcs[] = {
  [LLM_CHART_BARS] = snapshot_bars,
  [LLM_CHART_HEATMAP] = snapshot_heatmap,
  [LLM_CHART_COLUMNS] = snapshot_columns,
  [LLM_CHART_GAUGE] = snapshot_gauge,
  [LLM_CHART_LINE] = snapshot_line,
};

void
_llm_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  LlmChart *self = LLM_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  Palette p;

  if (width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (context, &p.fg);
  p.dim = p.faint = p.grid = p.fg;
  p.dim.alpha *= 0.6f;
  p.faint.alpha *= 0.1f;
  p.grid.alpha *= 0.15f;
  /* The *_bg colors are the solid fills the theme gives buttons, banners
   * and level bars, in light and in dark; the numbers are always written
   * out too, so no fill has to carry them alone. */
  lookup (context, "accent_bg_color", "#3584e4", &p.accent);
  lookup (context, "success_bg_color", "#26a269", &p.success);
  lookup (context, "warning_bg_color", "#e5a50a", &p.warning);
  p.line = _llm_chart_text_height (self, SMALL);

  if (self->kind != LLM_CHART_EMPTY)
    snapshot_funcs[self->kind] (self, snapshot, &p, width, height);
}

