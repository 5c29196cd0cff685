from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tasks.backup import backup_restore
from tasks.exceptions import BackupError


class Command(BaseCommand):
    help = (
        "Restore the database and the generated documents from an archive made by `backup`. "
        "Refuses to replace an installation that holds data unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="an archive written by `manage.py backup`")
        parser.add_argument("--force", action="store_true", help="replace the data this installation holds")

    def handle(self, *args, archive, force, **options):
        try:
            restored = backup_restore(archive=archive, force=force)
        except BackupError as error:
            raise CommandError(error.detail)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive.name} (made {restored.created_at}): the database and "
                f"{restored.documents} document files."
            )
        )
