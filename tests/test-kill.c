/* test-kill.c — a save killed at any moment leaves a whole file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program runs itself as a child that saves two different reports in
 * turn over one file, forever; the parent kills it with SIGKILL at random
 * moments and each time reads the file: it must be exactly one of the two
 * canonical files, never a mix, never empty.
 */

#include "config.h"

#include "nb-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>

#define N_KILLS 200

static NbReport *
read_report (NbImporter *importer,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return nb_importer_import_file (importer, file, NULL, NULL);
}

/* The child: saves the reports of @a_path and @b_path over @path in turn
 * with the program's own save, until it is killed. */
static int
child_save_loop (const char *path,
                 const char *a_path,
                 const char *b_path)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbReport) a = read_report (importer, a_path);
  g_autoptr(NbReport) b = read_report (importer, b_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (a == NULL || b == NULL)
    return 2;

  for (guint i = 0;; i++)
    if (!nb_canonical_save (i % 2 ? b : a, file, NULL, NULL))
      return 1;
}

static GBytes *
canonical_bytes (NbImporter *importer,
                 const char *stem)
{
  g_autoptr(NbReport) report = nb_test_import_seed (importer, stem);

  return nb_canonical_write (report);
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(GBytes) a = canonical_bytes (importer, "000_773531145496868f");
  g_autoptr(GBytes) b = canonical_bytes (importer, "003_babb1a0d8021a832");
  g_autofree char *dir = g_dir_make_tmp ("nianbao-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.nianbao.json", NULL);
  g_autofree char *a_path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.json", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241231);
  g_autoptr(GDir) folder = NULL;
  guint saw_a = 0, saw_b = 0;
  const char *name;

  g_assert_no_error (error);
  g_assert_nonnull (self);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL));
  g_assert_true (g_file_set_contents (a_path, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL));
  g_assert_true (g_file_set_contents (b_path, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL));

  for (guint i = 0; i < N_KILLS; i++)
    {
      const char *argv[] = { self, "--child-save-loop", path, a_path, b_path, NULL };
      g_autofree char *contents = NULL;
      GPid pid;
      gsize length;
      int status;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      /* past start-up most of the time, into a save at a random point */
      g_usleep (g_rand_int_range (rand, 2000, 40000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (length == g_bytes_get_size (a) && memcmp (contents, g_bytes_get_data (a, NULL), length) == 0)
        saw_a++;
      else if (length == g_bytes_get_size (b) && memcmp (contents, g_bytes_get_data (b, NULL), length) == 0)
        saw_b++;
      else
        g_error ("after kill %u the file holds %zu bytes that are neither version", i, length);
    }
  g_test_message ("%u kills: %u times the first version, %u the second", N_KILLS, saw_a, saw_b);
  /* the child did get to save: both versions were seen */
  g_assert_cmpuint (saw_b, >, 0);

  /* clean up, temporaries of killed saves included */
  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "--child-save-loop"))
    return child_save_loop (argv[2], argv[3], argv[4]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nianbao/kill/save-survives-sigkill", test_kill);
  return g_test_run ();
}
