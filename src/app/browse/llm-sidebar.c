/* llm-sidebar.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-sidebar-private.h"
#include "llm-sidebar-row.h"
#include "llm-stats.h"
#include "llm-topic.h"

G_DEFINE_FINAL_TYPE (LlmSidebar, llm_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOOKMARKS_ONLY,
  PROP_NOTES_ONLY,
  PROP_FILTER,
  N_PROPS
};

static const char * const filter_names[] = { "all", "starred", "notes", "due" };

enum {
  QUESTION_SELECTED,
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  LlmSidebar *self = user_data;
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), llm_sidebar_row_new (self->model));
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  llm_sidebar_row_bind (LLM_SIDEBAR_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander))), item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  llm_sidebar_row_unbind (LLM_SIDEBAR_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander))));
}

/* The rows the list shows: %NULL without a collection. */
static GListModel *
get_rows (LlmSidebar *self)
{
  return G_LIST_MODEL (llm_sidebar_model_get_tree (self->model));
}

static gpointer
dup_row_item (LlmSidebar *self,
              guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (get_rows (self), position);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
on_selection_changed (LlmSidebar         *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  g_autoptr(GObject) item = NULL;
  guint selected = gtk_single_selection_get_selected (selection);

  if (self->selecting || selected == GTK_INVALID_LIST_POSITION)
    return;

  item = dup_row_item (self, selected);
  if (LLM_IS_QUESTION (item))
    g_signal_emit (self, signals[QUESTION_SELECTED], 0, item);
}

static void
on_list_activate (LlmSidebar  *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (get_rows (self), position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (LLM_IS_TOPIC (item))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (LLM_IS_QUESTION (item))
    {
      g_signal_emit (self, signals[QUESTION_SELECTED], 0, item);
      g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, item);
    }
}

/* The tree is one stop in the Tab order, as a tree view is: arrows move
 * inside it, Tab leaves it. GTK 4.8's list view otherwise makes every row
 * a Tab stop, 34 presses to get past the bundled notes (GtkListView's
 * tab-behavior property, which fixes this, is GTK 4.12). */
static gboolean
llm_sidebar_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (llm_sidebar_parent_class)->focus (widget, direction);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
llm_sidebar_dispose (GObject *object)
{
  LlmSidebar *self = (LlmSidebar *)object;

  _llm_sidebar_focus_stop (self);
  g_clear_handle_id (&self->plan_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (llm_sidebar_parent_class)->dispose (object);
}

static void
llm_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlmSidebar *self = LLM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKS_ONLY:
      g_value_set_boolean (value, llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_STARRED);
      break;

    case PROP_NOTES_ONLY:
      g_value_set_boolean (value, llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_NOTES);
      break;

    case PROP_FILTER:
      g_value_set_string (value, filter_names[llm_sidebar_model_get_filter (self->model)]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LlmSidebar *self = LLM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKS_ONLY:
      llm_sidebar_set_bookmarks_only (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES_ONLY:
      llm_sidebar_set_notes_only (self, g_value_get_boolean (value));
      break;

    case PROP_FILTER:
      for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
        if (g_strcmp0 (g_value_get_string (value), filter_names[i]) == 0)
          llm_sidebar_set_filter (self, i);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_sidebar_class_init (LlmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_sidebar_dispose;
  object_class->get_property = llm_sidebar_get_property;
  object_class->set_property = llm_sidebar_set_property;

  widget_class->grab_focus = _llm_sidebar_grab_focus;
  widget_class->focus = llm_sidebar_focus;

  properties[PROP_BOOKMARKS_ONLY] =
    g_param_spec_boolean ("bookmarks-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES_ONLY] =
    g_param_spec_boolean ("notes-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmSidebar:filter:
   *
   * What the tree shows: "all", "starred", "notes" (with a note) or
   * "due"; the question shown stays in any of them.
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlmSidebar::question-selected:
   * @question: the question the user picked
   */
  signals[QUESTION_SELECTED] =
    g_signal_new ("question-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_QUESTION);

  /**
   * LlmSidebar::question-activated:
   * @question: the question the user opened with Enter (or a double
   *   click), after #LlmSidebar::question-selected
   */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, plan_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, plan_label);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, filter_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, tree_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  /* The filter buttons' action: a radio group over the property. */
  gtk_widget_class_install_property_action (widget_class, "sidebar.filter", "filter");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void update_empty_state (LlmSidebar *self);

static void
llm_sidebar_init (LlmSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = llm_sidebar_model_new ();
  g_signal_connect_object (self->model, "refiltered",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  _llm_sidebar_track_pointer (self);
  g_date_clear (&self->interview, 1);
}

GtkWidget *
llm_sidebar_new (void)
{
  return g_object_new (LLM_TYPE_SIDEBAR, NULL);
}

/* The interview plan ------------------------------------------------------- */

static char *
format_plan (const LlmStatsPlan *plan)
{
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  guint needed = plan->n_unreviewed + plan->n_fading;
  /* A fraction of a review is still a review to do. */
  guint per_day = (guint)ceil (plan->per_day - 1e-9);

  if (plan->days_left < 0)
    return g_strdup (_("The interview date has passed"));

  if (plan->days_left == 0)
    when = g_strdup (_("Interview today"));
  else if (plan->days_left == 1)
    when = g_strdup (_("Interview tomorrow"));
  else
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Interview in %d day", "Interview in %d days",
                                         plan->days_left),
                            plan->days_left);

  if (needed == 0)
    what = g_strdup (_("On track"));
  else
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review a day", "%u reviews a day", per_day),
                            per_day);

  /* Translators: the interview plan over the tree, "Interview in 14 days · 3 reviews a day" */
  return g_strdup_printf (C_("plan", "%s · %s"), when, what);
}

static char *
format_plan_tooltip (const LlmStatsPlan *plan)
{
  if (plan->days_left < 0)
    return g_strdup (_("Set the date of the next one to plan for it"));
  if (plan->behind_by == 0)
    return g_strdup (_("On track"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind by %u review a day",
                                       "Behind by %u reviews a day", plan->behind_by),
                          plan->behind_by);
}

static gboolean
update_plan (gpointer data)
{
  LlmSidebar *self = data;
  g_autoptr(LlmStats) stats = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  LlmCollection *collection = llm_sidebar_model_get_collection (self->model);
  LlmStudy *study = llm_sidebar_model_get_study (self->model);
  LlmStatsPlan plan;
  gboolean shown = collection != NULL && study != NULL && g_date_valid (&self->interview);

  self->plan_idle = 0;
  gtk_widget_set_visible (self->plan_box, shown);
  if (!shown)
    return G_SOURCE_REMOVE;

  /* The same plan as the statistics page's, in a line. */
  stats = llm_stats_compute (collection, study, llm_study_get_log (study),
                             NULL, g_get_real_time () / G_USEC_PER_SEC);
  llm_stats_plan (stats, collection, study, &self->interview, &plan);
  text = format_plan (&plan);
  tooltip = format_plan_tooltip (&plan);
  gtk_label_set_label (self->plan_label, text);
  /* Behind or on track, in the tooltip: at the start everyone is behind,
   * and a warning colour on every first look would say little. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_label), tooltip);

  return G_SOURCE_REMOVE;
}

/* Reviews come in bursts (a replay of the log, a sitting): the plan is
 * counted once after them. */
static void
update_plan_soon (LlmSidebar *self)
{
  if (self->plan_idle == 0)
    self->plan_idle = g_idle_add_full (G_PRIORITY_LOW, update_plan, self, NULL);
}

/**
 * llm_sidebar_set_interview_date:
 * @date: (nullable): the interview day, or %NULL for none
 *
 * Shows the plan for the interview over the tree ("Interview in 14 days ·
 * 3 reviews a day"), with a button that starts a self-test; nothing
 * without a date.
 */
void
llm_sidebar_set_interview_date (LlmSidebar  *self,
                                const GDate *date)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date != NULL)
    self->interview = *date;
  else
    g_date_clear (&self->interview, 1);
  update_plan_soon (self);
}

/* The filter's empty state ------------------------------------------------ */

/* A filter that matches nothing says so, and how to change that, under
 * the question shown (which it keeps) rather than leave a bare list. */
static void
update_empty_state (LlmSidebar *self)
{
  static const struct {
    const char *icon;
    const char *title;
    const char *description;
  } pages[] = {
    [LLM_SIDEBAR_FILTER_STARRED] = { "starred-symbolic", N_("No Starred Questions"),
                                     N_("Press Ctrl+D or the star button to bookmark the question shown") },
    [LLM_SIDEBAR_FILTER_NOTES] = { "document-edit-symbolic", N_("No Questions With Notes"),
                                   N_("Press Ctrl+E to write your own note beside an answer") },
    [LLM_SIDEBAR_FILTER_DUE] = { "emblem-default-symbolic", N_("Nothing Due"),
                                 N_("Questions come due here once you have reviewed them in a self-test (Ctrl+T)") },
  };
  LlmSidebarFilter filter = llm_sidebar_model_get_filter (self->model);
  gboolean no_rows = llm_sidebar_get_n_rows (self) == 0;
  gboolean empty = filter != LLM_SIDEBAR_FILTER_ALL && llm_sidebar_model_get_collection (self->model) != NULL &&
                   !llm_sidebar_model_matches_any (self->model);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), !(empty && no_rows));
  /* The kept row takes what it needs, the page the rest. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), !empty);
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, empty ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  if (!empty)
    return;

  adw_status_page_set_icon_name (self->empty_page, pages[filter].icon);
  adw_status_page_set_title (self->empty_page, _(pages[filter].title));
  adw_status_page_set_description (self->empty_page, _(pages[filter].description));
}

/* Takes the model's new tree (after a new collection or filter). */
static void
attach_tree (LlmSidebar *self)
{
  GtkTreeListModel *tree = llm_sidebar_model_get_tree (self->model);

  if (tree != NULL)
    g_signal_connect_object (tree, "items-changed",
                             G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);

  self->selecting = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  self->selecting = FALSE;

  update_empty_state (self);
}

void
llm_sidebar_set_collection (LlmSidebar    *self,
                            LlmCollection *collection)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (!collection || LLM_IS_COLLECTION (collection));

  llm_sidebar_model_set_collection (self->model, collection);
  attach_tree (self);
  update_plan_soon (self);
}

/**
 * llm_sidebar_set_note_preview:
 * @preview: (nullable): the first line of @id's note, or %NULL if it has
 *   none
 */
void
llm_sidebar_set_note_preview (LlmSidebar *self,
                              const char *id,
                              const char *preview)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (id != NULL);

  llm_sidebar_model_set_note_preview (self->model, id, preview);
}

gboolean
llm_sidebar_get_notes_only (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), FALSE);

  return llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_NOTES;
}

/**
 * llm_sidebar_set_notes_only:
 *
 * Shows only the questions with a note, each with its first line: the
 * "With Notes" filter (%FALSE shows all).
 */
void
llm_sidebar_set_notes_only (LlmSidebar *self,
                            gboolean    notes_only)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));

  if (notes_only)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_NOTES);
  else if (llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_NOTES)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_ALL);
}

/**
 * llm_sidebar_set_bookmarks:
 *
 * Sets where the stars in the tree and the bookmarks filter come from;
 * call it before llm_sidebar_set_collection().
 */
void
llm_sidebar_set_bookmarks (LlmSidebar   *self,
                           LlmBookmarks *bookmarks)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_BOOKMARKS (bookmarks));

  llm_sidebar_model_set_bookmarks (self->model, bookmarks);
}

/* Reviews change the plan; the model tells the rows and the filter. */
static void
on_study_changed (LlmSidebar *self,
                  const char *id,
                  LlmStudy   *study)
{
  update_plan_soon (self);
}

/**
 * llm_sidebar_set_study:
 *
 * Where each question's state (new, learning, due, known) comes from.
 */
void
llm_sidebar_set_study (LlmSidebar *self,
                       LlmStudy   *study)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_STUDY (study));

  llm_sidebar_model_set_study (self->model, study);
  g_signal_connect_object (study, "changed", G_CALLBACK (on_study_changed), self, G_CONNECT_SWAPPED);
  update_plan_soon (self);
}

gboolean
llm_sidebar_get_bookmarks_only (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), FALSE);

  return llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_STARRED;
}

/**
 * llm_sidebar_set_bookmarks_only:
 *
 * Shows only bookmarked questions, still grouped by topic: the "Starred"
 * filter (%FALSE shows all).
 */
void
llm_sidebar_set_bookmarks_only (LlmSidebar *self,
                                gboolean    bookmarks_only)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));

  if (bookmarks_only)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_STARRED);
  else if (llm_sidebar_model_get_filter (self->model) == LLM_SIDEBAR_FILTER_STARRED)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_ALL);
}

LlmSidebarFilter
llm_sidebar_get_filter (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), LLM_SIDEBAR_FILTER_ALL);

  return llm_sidebar_model_get_filter (self->model);
}

static void select_current (LlmSidebar *self);

/**
 * llm_sidebar_set_filter:
 *
 * Shows all questions, or only the starred ones, those with a note or
 * those due, still grouped by topic. The question shown stays, selected
 * and scrolled into view.
 */
void
llm_sidebar_set_filter (LlmSidebar       *self,
                        LlmSidebarFilter  filter)
{
  LlmSidebarFilter old;

  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (filter <= LLM_SIDEBAR_FILTER_DUE);

  old = llm_sidebar_model_get_filter (self->model);
  if (old == filter)
    return;

  /* The rows go with the old tree: the focus comes back on the new one. */
  self->focus_tree = _llm_sidebar_focus_is_inside (GTK_WIDGET (self->list_view));
  llm_sidebar_model_set_filter (self->model, filter);
  attach_tree (self);
  select_current (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  if (old == LLM_SIDEBAR_FILTER_STARRED || filter == LLM_SIDEBAR_FILTER_STARRED)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKS_ONLY]);
  if (old == LLM_SIDEBAR_FILTER_NOTES || filter == LLM_SIDEBAR_FILTER_NOTES)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES_ONLY]);
}

/**
 * llm_sidebar_get_neighbour:
 * @offset: +1 for the next question, -1 for the previous one
 *
 * Next and previous walk the questions the filter shows, in the
 * collection's order, from @question (shown or not).
 *
 * Returns: (transfer none) (nullable): the question, or %NULL at an end
 */
LlmQuestion *
llm_sidebar_get_neighbour (LlmSidebar  *self,
                           LlmQuestion *question,
                           int          offset)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), NULL);

  return llm_sidebar_model_get_neighbour (self->model, question, offset);
}

static guint
find_row (LlmSidebar  *self,
          LlmQuestion *wanted)
{
  LlmCollection *collection = llm_sidebar_model_get_collection (self->model);
  LlmTopic *topic = llm_collection_get_parent (collection, G_OBJECT (wanted));
  LlmTopic *group = topic ? llm_collection_get_parent (collection, G_OBJECT (topic)) : NULL;
  guint n = g_list_model_get_n_items (get_rows (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = dup_row_item (self, i);

      if (item == G_OBJECT (wanted))
        return i;

      /* A collapsed topic (or group) hides the question: open the way to it. */
      if (item != NULL && (item == G_OBJECT (topic) || item == G_OBJECT (group)))
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (get_rows (self), i);

          gtk_tree_list_row_set_expanded (row, TRUE);
          n = g_list_model_get_n_items (get_rows (self));
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_current (LlmSidebar *self)
{
  LlmQuestion *current = llm_sidebar_model_get_current (self->model);
  guint position;

  if (get_rows (self) == NULL || current == NULL)
    return;

  position = find_row (self, current);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* A keyboard user in the tree carries on from the question shown (after
   * Ctrl+Page Down, Back, a search, a filter), not from where the cursor
   * was. */
  if (self->focus_tree || _llm_sidebar_focus_is_inside (GTK_WIDGET (self->list_view)))
    _llm_sidebar_focus_row_soon (self, position);
  self->focus_tree = FALSE;
}

/**
 * llm_sidebar_select_question:
 *
 * Selects and scrolls to @question without reporting it as picked; it
 * stays in the tree whatever the filter until another is selected.
 */
void
llm_sidebar_select_question (LlmSidebar  *self,
                             LlmQuestion *question)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_QUESTION (question));

  /* The question left behind may drop out: not the user's change. */
  self->selecting = TRUE;
  llm_sidebar_model_set_current (self->model, question);
  self->selecting = FALSE;

  select_current (self);
}

guint
llm_sidebar_get_n_rows (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), 0);

  return get_rows (self) ? g_list_model_get_n_items (get_rows (self)) : 0;
}

/**
 * llm_sidebar_get_n_topics:
 *
 * Returns: how many topic rows the tree shows
 */
guint
llm_sidebar_get_n_topics (LlmSidebar *self)
{
  guint n_rows, n_topics = 0;

  g_return_val_if_fail (LLM_IS_SIDEBAR (self), 0);

  n_rows = llm_sidebar_get_n_rows (self);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GObject) item = dup_row_item (self, i);

      n_topics += LLM_IS_TOPIC (item) && !llm_topic_is_group (LLM_TOPIC (item));
    }

  return n_topics;
}
