from django.core.management.base import BaseCommand, CommandError

from tasks.backup import backup_create
from tasks.exceptions import BackupError


class Command(BaseCommand):
    help = (
        "Write one dated archive of the database and the generated documents into BACKUP_DIR "
        "(readable by its owner only), then keep only the newest BACKUP_KEEP archives."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=None, help="archives to keep (default: BACKUP_KEEP; 0: all)")

    def handle(self, *args, keep, **options):
        try:
            backup = backup_create(keep=keep)
        except BackupError as error:
            raise CommandError(error.detail)
        size_kb = backup.path.stat().st_size / 1024
        self.stdout.write(self.style.SUCCESS(f"Backup written: {backup.path} ({size_kb:.0f} KiB)."))
        for path in backup.removed:
            self.stdout.write(f"Removed an older archive: {path.name}")
