"""Media on S3-compatible object storage (django-storages), against a local endpoint: moto in
server mode, started by the test on a port of the test range."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db
PORT = 8157
ENDPOINT = f"http://127.0.0.1:{PORT}"
BUCKET = "practice-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}  # moto accepts any


@pytest.fixture(scope="module")
def s3_endpoint():
    moto_server = Path(sys.executable).with_name("moto_server")
    if not moto_server.exists():
        if os.environ.get("CI"):
            pytest.fail("moto[server] is a dev dependency; CI must run this test")
        pytest.skip("moto[server] is not installed")
    process = subprocess.Popen(  # noqa: S603 - moto from our own virtualenv
        [str(moto_server), "-H", "127.0.0.1", "-p", str(PORT)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=ENDPOINT,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket=BUCKET)
        # Images are public: the bucket policy README § Configuration asks for.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
        yield client
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def media_on_s3(settings, s3_endpoint):
    """The storage the settings build when AWS_STORAGE_BUCKET_NAME and S3_ENDPOINT_URL are set."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": ENDPOINT,
                "region_name": "us-east-1",
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        },
    }
    return s3_endpoint


def test_settings_choose_s3_when_a_bucket_is_named():
    script = "import django; django.setup(); from django.conf import settings; print(settings.STORAGES['default']['BACKEND'], settings.STORAGES['default']['OPTIONS']['endpoint_url'])"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="practice.settings",
        DEBUG="1",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        S3_ENDPOINT_URL=ENDPOINT,
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", ENDPOINT]


def test_images_and_renditions_are_stored_and_served_from_the_bucket(media_on_s3):
    image = ImageFactory(title="Calm lake")

    stored = {item["Key"] for item in media_on_s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in stored
    assert image.file.url.startswith(f"{ENDPOINT}/{BUCKET}/original_images/")

    rendition = image.get_rendition("fill-300x200")
    response = requests.get(rendition.url, timeout=30)
    assert response.status_code == 200
    assert response.content[:3] in (b"\xff\xd8\xff", b"\x89PN", b"GIF", b"RIF")
    stored = {item["Key"] for item in media_on_s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert rendition.file.name in stored
