from django.contrib.auth.models import Permission, User
from django.core.management.base import BaseCommand
from django.db import transaction

from articles import services
from articles.models import Article

PEOPLE = [
    # username, first name, last name, is an editor: the same cast as the acceptance features
    ("alice", "Alice", "Archer", False),
    ("eddie", "Eddie", "Evans", True),
    ("rita", "Rita", "Reyes", False),
]

ROLES = {"alice": "author", "eddie": "editor", "rita": "reader"}

ARTICLES = [
    ("alice", "Spring fair opens on Saturday", "Stalls, music and the duck race return to the green.", True),
    ("eddie", "Council approves the new library", "Building starts in June and the doors open next spring.", True),
    ("alice", "Interview with the harbour master", "Notes for an interview still to be written up.", False),
]


class Command(BaseCommand):
    help = "Load demo people (alice the author, eddie the editor, rita the reader) and a few articles."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="newsroom-demo", help="Password for every demo person.")

    @transaction.atomic
    def handle(self, *args, password, **options):
        publish = Permission.objects.get(codename="publish_article", content_type__app_label="articles")
        people = {}
        for username, first, last, editor in PEOPLE:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@example.com"},
            )
            user.set_password(password)
            user.is_staff = editor
            user.save()
            if editor:
                user.user_permissions.add(publish)
            people[username] = user
            self.stdout.write(f"{'Created' if created else 'Updated'} {username} ({ROLES[username]})")
        for username, title, body, published in ARTICLES:
            if Article.objects.filter(title=title).exists():
                continue
            status = Article.Status.PUBLISHED if published else Article.Status.DRAFT
            services.write_article(people[username], title, body, status)
            self.stdout.write(f"Wrote “{title}” ({status})")
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded. Sign in as alice, eddie or rita with the password “{password}”.")
        )
